"""A BERT encoder whose parameter names are those of the Hugging Face checkpoints.

Written here so that training needs nothing beyond PyTorch: the base weights come out of an ONNX
file (see base_model.py) under these names, and the fine-tuned model goes back to ONNX.
"""
import math
from dataclasses import dataclass

import torch
from torch import nn


@dataclass(frozen=True)
class BertShape:
    vocab: int = 30522
    hidden: int = 384
    layers: int = 6
    heads: int = 12
    intermediate: int = 1536
    positions: int = 512
    types: int = 2
    dropout: float = 0.1
    eps: float = 1e-12


class Embeddings(nn.Module):
    def __init__(self, shape):
        super().__init__()
        self.word_embeddings = nn.Embedding(shape.vocab, shape.hidden)
        self.position_embeddings = nn.Embedding(shape.positions, shape.hidden)
        self.token_type_embeddings = nn.Embedding(shape.types, shape.hidden)
        self.LayerNorm = nn.LayerNorm(shape.hidden, eps=shape.eps)
        self.dropout = nn.Dropout(shape.dropout)

    def forward(self, input_ids, token_type_ids):
        positions = torch.arange(input_ids.shape[1], device=input_ids.device).unsqueeze(0)
        summed = (self.word_embeddings(input_ids) + self.position_embeddings(positions)
                  + self.token_type_embeddings(token_type_ids))
        return self.dropout(self.LayerNorm(summed))


class SelfAttention(nn.Module):
    def __init__(self, shape):
        super().__init__()
        self.heads = shape.heads
        self.size = shape.hidden // shape.heads
        self.query = nn.Linear(shape.hidden, shape.hidden)
        self.key = nn.Linear(shape.hidden, shape.hidden)
        self.value = nn.Linear(shape.hidden, shape.hidden)
        self.dropout = nn.Dropout(shape.dropout)

    def split(self, x):
        batch, length, _ = x.shape
        return x.view(batch, length, self.heads, self.size).transpose(1, 2)

    def forward(self, hidden, additive_mask):
        q, k, v = self.split(self.query(hidden)), self.split(self.key(hidden)), self.split(self.value(hidden))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(self.size) + additive_mask
        context = torch.matmul(self.dropout(torch.softmax(scores, dim=-1)), v)
        batch, _, length, _ = context.shape
        return context.transpose(1, 2).reshape(batch, length, self.heads * self.size)


class DenseAddNorm(nn.Module):
    """A dense layer, dropout, then the residual and LayerNorm: BERT's 'output' blocks."""

    def __init__(self, inputs, shape):
        super().__init__()
        self.dense = nn.Linear(inputs, shape.hidden)
        self.LayerNorm = nn.LayerNorm(shape.hidden, eps=shape.eps)
        self.dropout = nn.Dropout(shape.dropout)

    def forward(self, x, residual):
        return self.LayerNorm(self.dropout(self.dense(x)) + residual)


class Attention(nn.Module):
    def __init__(self, shape):
        super().__init__()
        self.self = SelfAttention(shape)
        self.output = DenseAddNorm(shape.hidden, shape)

    def forward(self, hidden, additive_mask):
        return self.output(self.self(hidden, additive_mask), hidden)


class Intermediate(nn.Module):
    def __init__(self, shape):
        super().__init__()
        self.dense = nn.Linear(shape.hidden, shape.intermediate)

    def forward(self, x):
        return nn.functional.gelu(self.dense(x))


class Layer(nn.Module):
    def __init__(self, shape):
        super().__init__()
        self.attention = Attention(shape)
        self.intermediate = Intermediate(shape)
        self.output = DenseAddNorm(shape.intermediate, shape)

    def forward(self, hidden, additive_mask):
        attended = self.attention(hidden, additive_mask)
        return self.output(self.intermediate(attended), attended)


class Encoder(nn.Module):
    def __init__(self, shape):
        super().__init__()
        self.layer = nn.ModuleList([Layer(shape) for _ in range(shape.layers)])

    def forward(self, hidden, additive_mask):
        for layer in self.layer:
            hidden = layer(hidden, additive_mask)
        return hidden


class Bert(nn.Module):
    """Token vectors [batch, pieces, hidden] for input ids, a 0/1 attention mask and segment ids."""

    def __init__(self, shape=BertShape()):
        super().__init__()
        self.shape = shape
        self.embeddings = Embeddings(shape)
        self.encoder = Encoder(shape)

    def forward(self, input_ids, attention_mask, token_type_ids):
        # Padding gets a large negative score before the softmax, so no piece attends to it.
        additive = (1.0 - attention_mask[:, None, None, :].to(torch.float32)) * -10000.0
        return self.encoder(self.embeddings(input_ids, token_type_ids), additive)
