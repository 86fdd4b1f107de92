import contextlib
import io
import json
import os
import tempfile
import unittest

import torch

from stance_training import data, train
from tests import tiny


class TrainTest(unittest.TestCase):

    def test_the_recipe_writes_a_complete_model_folder_from_a_base_jar(self):
        with tempfile.TemporaryDirectory() as folder:
            base = os.path.join(folder, "base.onnx")
            tiny.base_onnx(base)
            jar = os.path.join(folder, "base.jar")
            tiny.base_jar(jar, base)
            encoded = os.path.join(folder, "inputs.jsonl")
            tiny.encoded_file(encoded)
            out = os.path.join(folder, "model")
            with contextlib.redirect_stderr(io.StringIO()):  # the recipe's progress lines
                train.main(["--encoded", encoded, "--base-jar", jar, "--out", out, "--epochs", "2", "--heads", "2",
                            "--batch", "8", "--threads", "1"])
            self.assertEqual(tiny.files(out), ["check.json", "fp32", "model.json", "model.onnx",
                                               "tokenizer.json", "training.json"])
            self.assertEqual(tiny.files(os.path.join(out, "fp32")), ["model.json", "model.onnx", "tokenizer.json"])
            with open(os.path.join(out, "model.json")) as f:
                description = json.load(f)
            self.assertEqual(description["mode"], "sentence")
            self.assertEqual(description["maxTokens"], 32)
            self.assertEqual(description["labels"], ["negative", "neutral", "positive"])
            with open(os.path.join(out, "training.json")) as f:
                log = json.load(f)
            self.assertEqual(len(log["epochs"]), 2)
            self.assertEqual(log["trainTargets"] + log["heldOutTargets"], 48)
            with open(os.path.join(out, "check.json")) as f:
                check = json.load(f)
            for sequence in check["sequences"]:
                for probabilities in sequence["probabilities"]:
                    self.assertAlmostEqual(sum(probabilities), 1.0, places=5)

    def test_fine_tuning_learns_a_label_the_input_gives_away(self):
        with tempfile.TemporaryDirectory() as folder:
            encoded = os.path.join(folder, "inputs.jsonl")
            tiny.encoded_file(encoded, sequences=96)
            _, sequences = data.read_sequences(encoded)
        torch.manual_seed(2)
        from stance_training.classifier import TargetStanceClassifier
        model = TargetStanceClassifier(tiny.SHAPE)
        args = train.arguments(["--encoded", "-", "--base-jar", "-", "--out", "-", "--epochs", "30", "--lr", "3e-3",
                                "--batch", "16", "--warmup", "0"])
        with contextlib.redirect_stderr(io.StringIO()):
            history = train.fit(model, sequences, sequences, args, torch.device("cpu"))
        self.assertLess(history[-1]["loss"], history[0]["loss"] / 2)
        self.assertGreater(history[-1]["heldOut"]["accuracy"], 0.9)


class DataTest(unittest.TestCase):

    def test_a_file_without_the_header_is_refused_with_what_writes_it(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "plain.jsonl")
            with open(path, "w") as out:
                out.write('{"ids": [1, 2]}\n')
            with self.assertRaisesRegex(ValueError, "stancewatch stance encode"):
                data.read_sequences(path)

    def test_a_malformed_line_is_named_by_its_number(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "inputs.jsonl")
            tiny.encoded_file(path, sequences=2)
            with open(path, "a") as out:
                out.write('{"article": "x", "heldOut": false, "ids": [1], "types": [0]}\n')
            with self.assertRaisesRegex(ValueError, "line 4"):
                data.read_sequences(path)

    def test_batches_hold_sequences_of_similar_length_and_every_sequence_once(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "inputs.jsonl")
            tiny.encoded_file(path, sequences=40)
            _, sequences = data.read_sequences(path)
        batches = data.batches(sequences, 8, data.shuffled(1), pool=5)
        self.assertEqual(sorted(id(s) for b in batches for s in b), sorted(id(s) for s in sequences))
        (inputs, labels) = data.tensors(batches[0])
        self.assertEqual(inputs[3].shape[:2], labels.shape)


if __name__ == "__main__":
    unittest.main()
