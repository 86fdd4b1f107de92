import os
import tempfile
import unittest

import numpy
import onnx
import torch
from onnx import numpy_helper

from stance_training import export, quantize
from stance_training.classifier import TargetStanceClassifier
from stance_training.data import tensors, Sequence
from tests import tiny


class QuantizeTest(unittest.TestCase):

    SMALLEST = 256  # the tiny model's matrices are far below the real threshold

    @classmethod
    def setUpClass(cls):
        torch.manual_seed(1)
        cls.folder = tempfile.TemporaryDirectory()
        cls.model = TargetStanceClassifier(tiny.SHAPE).eval()
        example = [Sequence("a", False, [1, 11, 12, 13, 2], [0] * 5, [("t", 1, 2, 0), ("u", 3, 4, 1)])]
        cls.path = os.path.join(cls.folder.name, "model-fp32.onnx")
        export.export(cls.model, tensors(example)[0], cls.path)
        cls.original = onnx.load(cls.path)
        cls.quantized = quantize.quantize(cls.original, smallest=cls.SMALLEST)

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()

    def test_the_exported_model_has_the_inputs_and_output_the_java_side_reads(self):
        self.assertEqual([i.name for i in self.original.graph.input], list(export.INPUTS))
        self.assertEqual([o.name for o in self.original.graph.output], [export.OUTPUT])

    def test_large_matrices_become_int8_behind_dequantize_nodes_and_small_ones_stay_float(self):
        int8 = [t for t in self.quantized.graph.initializer if t.data_type == onnx.TensorProto.INT8
                and not t.name.endswith("_zero")]
        dequantize = [n for n in self.quantized.graph.node if n.op_type == "DequantizeLinear"]
        self.assertEqual(len(int8), len(dequantize))
        self.assertGreater(len(int8), 0)
        for tensor in self.quantized.graph.initializer:
            if tensor.data_type == onnx.TensorProto.FLOAT and len(tensor.dims) == 2 and not tensor.name.endswith("_scale"):
                self.assertLess(numpy.prod(tensor.dims), self.SMALLEST, tensor.name)

    def test_each_weight_is_within_half_a_step_of_its_float_value(self):
        floats = {t.name: numpy_helper.to_array(t) for t in self.original.graph.initializer}
        stored = {t.name: numpy_helper.to_array(t) for t in self.quantized.graph.initializer}
        for node in self.quantized.graph.node:
            if node.op_type != "DequantizeLinear":
                continue
            values, scale = stored[node.input[0]], stored[node.input[1]]
            axis = node.attribute[0].i
            shaped = scale[None, :] if axis == 1 else scale[:, None]
            error = numpy.abs(values.astype(numpy.float32) * shaped - floats[node.output[0]])
            self.assertTrue(numpy.all(error <= shaped / 2 + 1e-7), node.output[0])

    def test_a_model_below_opset_13_is_refused(self):
        old = onnx.ModelProto.FromString(self.original.SerializeToString())
        old.opset_import[0].version = 11
        with self.assertRaisesRegex(ValueError, "opset 13"):
            quantize.quantize(old)


if __name__ == "__main__":
    unittest.main()
