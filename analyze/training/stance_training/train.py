"""Fine-tunes the stance classifier and writes the model folder TransformerStanceModel serves.

    python3 -m stance_training.train --encoded inputs.jsonl --base-jar minilm.jar --out DIR

`bin/train-stance-model` runs the whole recipe (base weights, encoding, this, evaluation in Java);
see docs/stance-model.md. Written to DIR: the model folder TransformerStanceModel loads
(model.onnx with int8 weights, tokenizer.json, model.json), fp32/ (the same model in float32,
to measure what int8 costs), training.json (settings, time, per-epoch figures) and check.json
(inputs with this model's probabilities, for the Java side to compare).
"""
import argparse
import json
import os
import random
import sys
import time

import numpy
import onnx
import torch

from . import base_model, data, export, metrics, quantize
from .classifier import TargetStanceClassifier

ONNX_IN_JAR = "all-minilm-l6-v2.onnx"
TOKENIZER_IN_JAR = "all-minilm-l6-v2-tokenizer.json"


def arguments(argv=None):
    parser = argparse.ArgumentParser(prog="python3 -m stance_training.train", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--encoded", required=True, help="training input from `stancewatch stance encode`")
    parser.add_argument("--base-jar", required=True, help="the jar with the base model's ONNX file and tokenizer")
    parser.add_argument("--out", required=True, help="folder for the model files")
    parser.add_argument("--name", default="minilm-stance", help="model name, first part of each mention's model id")
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--lr", type=float, default=5e-5, help="peak learning rate (AdamW)")
    parser.add_argument("--batch", type=int, default=32, help="targets' sequences per step")
    parser.add_argument("--warmup", type=float, default=0.1, help="share of steps with a rising learning rate")
    parser.add_argument("--weight-decay", type=float, default=0.01)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--train-word-embeddings", action="store_true",
                        help="fine-tune the word-piece embedding table too (default: keep the base model's; "
                             "a third of the weights, and of each step's time, for little gain)")
    parser.add_argument("--heads", type=int, default=12, help="attention heads of the base model (not in its weights)")
    parser.add_argument("--threads", type=int, default=os.cpu_count(), help="CPU threads (default: all)")
    parser.add_argument("--device", default="auto", help="auto (a GPU when there is one), cpu or cuda")
    parser.add_argument("--limit", type=int, default=0, help="train on the first N sequences only (tests)")
    parser.add_argument("--base-onnx", help="an ONNX file to take the base weights from instead of the jar (tests)")
    return parser.parse_args(argv)


def main(argv=None):
    args = arguments(argv)
    started = time.time()
    random.seed(args.seed)
    numpy.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    device = torch.device("cuda" if args.device == "auto" and torch.cuda.is_available()
                          else ("cpu" if args.device == "auto" else args.device))
    os.makedirs(args.out, exist_ok=True)

    base, tokenizer_json = base_model.read_jar(args.base_jar, ONNX_IN_JAR, TOKENIZER_IN_JAR)
    if args.base_onnx:
        base = onnx.load(args.base_onnx)
    state = base_model.bert_state_dict(base)
    model = TargetStanceClassifier(base_model.shape_of(state, args.heads))
    missing, unexpected = model.bert.load_state_dict(state, strict=False)
    if missing or unexpected:
        raise SystemExit(f"base weights do not fit the encoder: missing {missing}, unexpected {unexpected}")
    model.bert.embeddings.word_embeddings.weight.requires_grad_(args.train_word_embeddings)
    model.to(device)

    header, sequences = data.read_sequences(args.encoded)
    train = [s for s in sequences if not s.held_out]
    held_out = [s for s in sequences if s.held_out]
    if args.limit:
        train, held_out = train[:args.limit], held_out[:max(1, args.limit // 4)]
    log(f"{len(train)} training sequences ({sum(len(s.targets) for s in train)} targets), "
        f"{len(held_out)} held out; {header['mode']} layout, windows of {header['maxTokens']} pieces; "
        f"device {device}, {args.threads} CPU threads")

    history = fit(model, train, held_out, args, device)
    model.eval().cpu()
    examples = check_examples(model, held_out or train)
    fp32_folder = os.path.join(args.out, "fp32")
    os.makedirs(fp32_folder, exist_ok=True)
    fp32_path = os.path.join(fp32_folder, "model.onnx")
    export.export(model, data.tensors(examples)[0], fp32_path)
    quantized = quantize.quantize(onnx.load(fp32_path))
    onnx.save(quantized, os.path.join(args.out, "model.onnx"))
    description = {"name": args.name, "mode": header["mode"], "maxTokens": header["maxTokens"],
                   "labels": ["negative", "neutral", "positive"], "heldOut": {}}
    for folder, name in ((args.out, args.name), (fp32_folder, args.name + "-fp32")):
        with open(os.path.join(folder, "tokenizer.json"), "wb") as out:
            out.write(tokenizer_json)
        write_json(os.path.join(folder, "model.json"), dict(description, name=name))
    write_json(os.path.join(args.out, "check.json"), check(model, examples))
    write_json(os.path.join(args.out, "training.json"), {
        "settings": {k: v for k, v in vars(args).items() if k not in ("out",)},
        "encoding": header, "device": str(device), "torch": torch.__version__,
        "trainTargets": sum(len(s.targets) for s in train), "heldOutTargets": sum(len(s.targets) for s in held_out),
        "seconds": round(time.time() - started, 1), "epochs": history})
    log(f"done in {time.time() - started:.0f} s: {args.out}/model.onnx "
        f"({os.path.getsize(os.path.join(args.out, 'model.onnx')) / 1e6:.1f} MB, int8), fp32/model.onnx "
        f"({os.path.getsize(fp32_path) / 1e6:.1f} MB)")


def fit(model, train, held_out, args, device):
    rng = data.shuffled(args.seed)
    steps_per_epoch = len(data.batches(train, args.batch))
    total = steps_per_epoch * args.epochs
    warmup = max(1, int(total * args.warmup))
    trained = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
    decay = [p for n, p in trained if not (n.endswith("bias") or "LayerNorm" in n)]
    rest = [p for n, p in trained if n.endswith("bias") or "LayerNorm" in n]
    optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": args.weight_decay},
                                   {"params": rest, "weight_decay": 0.0}], lr=args.lr)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min((step + 1) / warmup, max(0.0, (total - step) / max(1, total - warmup))))
    loss_function = torch.nn.CrossEntropyLoss(ignore_index=-100)
    history, step, started = [], 0, time.time()
    for epoch in range(1, args.epochs + 1):
        model.train()
        running, count = 0.0, 0
        for batch in data.batches(train, args.batch, rng):
            inputs, labels = data.tensors(batch)
            logits = model(*(t.to(device) for t in inputs))
            loss = loss_function(logits.reshape(-1, logits.shape[-1]), labels.reshape(-1).to(device))
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            step += 1
            running, count = running + loss.item(), count + 1
            if step % 20 == 0 or step == total:
                elapsed = time.time() - started
                log(f"epoch {epoch}/{args.epochs} step {step}/{total} loss {running / count:.4f} "
                    f"{elapsed:.0f} s, about {elapsed / step * (total - step):.0f} s to go")
        figures = evaluate(model, held_out, device) if held_out else {}
        history.append({"epoch": epoch, "loss": round(running / max(1, count), 4), "heldOut": figures,
                        "seconds": round(time.time() - started, 1)})
        log(f"epoch {epoch}: loss {running / max(1, count):.4f}, held out {figures}")
    return history


def evaluate(model, sequences, device):
    """Figures of the PyTorch model (float32): a progress signal; the reported figures are those of
    `stancewatch stance evaluate`, through ONNX Runtime and the served input path."""
    model.eval()
    gold, predicted = [], []
    with torch.no_grad():
        for batch in data.batches(sequences, 64):
            inputs, labels = data.tensors(batch)
            best = model(*(t.to(device) for t in inputs)).argmax(dim=-1).cpu()
            keep = labels != -100
            gold += labels[keep].tolist()
            predicted += best[keep].tolist()
    return {k: round(v, 4) for k, v in metrics.figures(gold, predicted).items()}


def check_examples(model, sequences, count=8):
    """A few sequences of different lengths and target counts for check.json."""
    ordered = sorted(sequences, key=lambda s: (len(s.targets), len(s.ids)))
    step = max(1, len(ordered) // count)
    return ordered[::step][:count]


def check(model, examples):
    inputs, labels = data.tensors(examples)
    with torch.no_grad():
        probabilities = torch.softmax(model(*inputs), dim=-1)
    return {"sequences": [{"ids": s.ids, "types": s.types, "targets": [[t[1], t[2]] for t in s.targets],
                           "probabilities": probabilities[row, :len(s.targets)].tolist()}
                          for row, s in enumerate(examples)]}


def write_json(path, value):
    with open(path, "w", encoding="utf-8") as out:
        json.dump(value, out, indent=2)
        out.write("\n")


def log(message):
    print(time.strftime("%H:%M:%S"), message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
