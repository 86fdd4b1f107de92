import os
import tempfile
import unittest

import onnx
import torch

from stance_training import base_model
from tests import tiny


class BaseModelTest(unittest.TestCase):

    def test_every_encoder_weight_comes_back_from_the_onnx_file_under_its_own_name(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "base.onnx")
            original = tiny.base_onnx(path)
            state = base_model.bert_state_dict(onnx.load(path))
        expected = original.state_dict()
        self.assertEqual(set(expected), set(state))
        for name, tensor in expected.items():
            torch.testing.assert_close(state[name], tensor, msg=name)

    def test_the_shape_is_read_off_the_weights(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "base.onnx")
            tiny.base_onnx(path)
            state = base_model.bert_state_dict(onnx.load(path))
        shape = base_model.shape_of(state, heads=2)
        self.assertEqual((shape.vocab, shape.hidden, shape.layers, shape.intermediate, shape.positions),
                         (50, 16, 2, 32, 64))

    def test_a_jar_without_the_model_file_is_refused_with_its_contents(self):
        with tempfile.TemporaryDirectory() as folder:
            jar = os.path.join(folder, "other.jar")
            import zipfile
            with zipfile.ZipFile(jar, "w") as out:
                out.writestr("README", "nothing here")
            with self.assertRaisesRegex(ValueError, "holds no all-minilm-l6-v2.onnx.*README"):
                base_model.read_jar(jar, "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json")


if __name__ == "__main__":
    unittest.main()
