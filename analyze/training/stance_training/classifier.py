"""The stance classifier: the encoder, then [CLS] next to the mean of each target's pieces, then a
linear layer to negative / neutral / positive. Its input and output are those of model.onnx."""
import torch
from torch import nn

from .bert import Bert, BertShape

LABELS = ("negative", "neutral", "positive")


class TargetStanceClassifier(nn.Module):
    def __init__(self, shape=BertShape()):
        super().__init__()
        self.bert = Bert(shape)
        self.dropout = nn.Dropout(shape.dropout)
        self.classifier = nn.Linear(2 * shape.hidden, len(LABELS))

    def forward(self, input_ids, attention_mask, token_type_ids, target_mask):
        """Logits [batch, targets, 3]; target_mask [batch, targets, pieces] marks each target's pieces
        (a row of zeros is a padding target, whose logits mean nothing)."""
        hidden = self.bert(input_ids, attention_mask, token_type_ids)
        counts = target_mask.sum(dim=-1, keepdim=True).clamp(min=1.0)
        targets = torch.matmul(target_mask, hidden) / counts
        cls = hidden[:, :1, :].expand(-1, target_mask.shape[1], -1)
        return self.classifier(self.dropout(torch.cat([cls, targets], dim=-1)))


class ServedClassifier(nn.Module):
    """What model.onnx computes: the classifier's probabilities."""

    def __init__(self, classifier):
        super().__init__()
        self.classifier = classifier

    def forward(self, input_ids, attention_mask, token_type_ids, target_mask):
        return torch.softmax(self.classifier(input_ids, attention_mask, token_type_ids, target_mask), dim=-1)
