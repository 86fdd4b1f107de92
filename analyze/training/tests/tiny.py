"""A tiny BERT and tiny training files, so that the recipe's tests run on a CPU in seconds."""
import json
import os
import random
import warnings
import zipfile

import torch

from stance_training.bert import Bert, BertShape
from stance_training.data import FORMAT

SHAPE = BertShape(vocab=50, hidden=16, layers=2, heads=2, intermediate=32, positions=64, dropout=0.0)


def base_onnx(path):
    """Exports a tiny BERT the way the base model file is exported: HF names for embeddings,
    LayerNorms and biases, anonymous transposed MatMul weights."""
    torch.manual_seed(3)
    bert = Bert(SHAPE).eval()
    warnings.filterwarnings("ignore", category=UserWarning)  # the exporter's notes on shape inference
    with torch.no_grad():
        # Every tensor distinct, as in a trained model: the exporter merges initializers of equal
        # values (the fresh LayerNorms' ones and zeros) into one.
        for parameter in bert.parameters():
            parameter.normal_(0, 0.2)
    ids = torch.tensor([[1, 5, 6, 2]])
    torch.onnx.export(bert, (ids, torch.ones_like(ids), torch.zeros_like(ids)), path,
                      input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=["last_hidden_state"],
                      dynamic_axes={"input_ids": {0: "b", 1: "t"}, "attention_mask": {0: "b", 1: "t"},
                                    "token_type_ids": {0: "b", 1: "t"}}, opset_version=14)
    return bert


def base_jar(path, onnx_path):
    """A jar like langchain4j's: the ONNX file and a tokenizer file under their names."""
    with zipfile.ZipFile(path, "w") as jar:
        jar.write(onnx_path, "all-minilm-l6-v2.onnx")
        jar.writestr("all-minilm-l6-v2-tokenizer.json", json.dumps({"model": {"type": "WordPiece"}}))


def encoded_file(path, sequences=48, seed=5, mode="sentence"):
    """Encoded sequences whose label a model can learn: it is the id right after the target."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as out:
        out.write(json.dumps({"format": FORMAT, "version": 1, "mode": mode, "maxTokens": 32,
                              "heldOutPercent": 25}) + "\n")
        for n in range(sequences):
            label = n % 3
            ids = [1] + [rng.randrange(10, 40) for _ in range(rng.randrange(4, 10))] + [2]
            ids[2] = 40 + label  # the word after the target says the label
            out.write(json.dumps({"article": f"a{n // 2}", "heldOut": n % 4 == 0, "ids": ids, "types": [0] * len(ids),
                                  "targets": [{"gid": f"t{n}", "from": 1, "to": 2, "label": label}]}) + "\n")


def files(folder):
    return sorted(os.listdir(folder))
