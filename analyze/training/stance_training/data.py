"""The training input written by `stancewatch stance encode`: a header line (input layout, window,
held-out share), then one JSON line per input sequence (ids, segment ids, each target's pieces
and label, the article and its held-out flag)."""
import json
import random
from dataclasses import dataclass

import torch


@dataclass(frozen=True)
class Sequence:
    article: str
    held_out: bool
    ids: list
    types: list
    targets: list  # (gid, from, to, label)


FORMAT = "stancewatch-stance-inputs"


def read_sequences(path):
    """The header (a dict) and the sequences of an encoded file."""
    sequences = []
    with open(path, encoding="utf-8") as lines:
        header = _header(path, lines.readline())
        for number, line in enumerate(lines, 2):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                targets = [(t["gid"], t["from"], t["to"], t["label"]) for t in record["targets"]]
                sequence = Sequence(record["article"], record["heldOut"], record["ids"], record["types"], targets)
            except (ValueError, KeyError, TypeError) as error:
                raise ValueError(f"{path} line {number}: not an encoded sequence ({error!r})") from error
            if len(sequence.ids) != len(sequence.types) or not sequence.targets:
                raise ValueError(f"{path} line {number}: ids and types differ in length, or no targets")
            sequences.append(sequence)
    return header, sequences


def _header(path, line):
    try:
        header = json.loads(line)
    except ValueError:
        header = None
    if not isinstance(header, dict) or header.get("format") != FORMAT or header.get("version") != 1:
        raise ValueError(f"{path} does not start with a {FORMAT} version 1 header: "
                         "write it with `stancewatch stance encode`")
    return header


def batches(sequences, size, rng=None, pool=50):
    """Lists of at most `size` sequences of similar length, to pad little. With `rng`, the order is
    shuffled: sequences within pools of `pool` batches, then the batches themselves."""
    order = list(sequences)
    if rng is not None:
        rng.shuffle(order)
    chunk = size * pool
    result = []
    for start in range(0, len(order), chunk):
        pooled = sorted(order[start:start + chunk], key=lambda s: len(s.ids))
        result.extend(pooled[i:i + size] for i in range(0, len(pooled), size))
    if rng is not None:
        rng.shuffle(result)
    return result


def tensors(batch):
    """The model's four inputs for a batch, and the labels [batch, targets] (-100 for padding)."""
    length = max(len(s.ids) for s in batch)
    width = max(len(s.targets) for s in batch)
    ids = torch.zeros(len(batch), length, dtype=torch.long)
    mask = torch.zeros(len(batch), length, dtype=torch.long)
    types = torch.zeros(len(batch), length, dtype=torch.long)
    target_mask = torch.zeros(len(batch), width, length)
    labels = torch.full((len(batch), width), -100, dtype=torch.long)
    for row, sequence in enumerate(batch):
        ids[row, :len(sequence.ids)] = torch.tensor(sequence.ids)
        types[row, :len(sequence.types)] = torch.tensor(sequence.types)
        mask[row, :len(sequence.ids)] = 1
        for k, (_, start, end, label) in enumerate(sequence.targets):
            target_mask[row, k, start:end] = 1.0
            labels[row, k] = label
    return (ids, mask, types, target_mask), labels


def shuffled(seed):
    return random.Random(seed)
