"""The fine-tuned classifier as model.onnx: the inputs and output TransformerStanceModel reads."""
import torch

from .classifier import ServedClassifier

INPUTS = ("input_ids", "attention_mask", "token_type_ids", "target_mask")
OUTPUT = "probabilities"
OPSET = 14


def export(model, example_inputs, path):
    """Writes the model (in eval mode) to `path`, batch, pieces and targets left dynamic."""
    served = ServedClassifier(model).eval()
    axes = {
        "input_ids": {0: "batch", 1: "pieces"},
        "attention_mask": {0: "batch", 1: "pieces"},
        "token_type_ids": {0: "batch", 1: "pieces"},
        "target_mask": {0: "batch", 1: "targets", 2: "pieces"},
        OUTPUT: {0: "batch", 1: "targets"},
    }
    with torch.no_grad():
        torch.onnx.export(served, tuple(example_inputs), path, input_names=list(INPUTS), output_names=[OUTPUT],
                          dynamic_axes=axes, opset_version=OPSET, do_constant_folding=True)
