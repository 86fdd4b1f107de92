"""Macro-F1 and accuracy over the three classes, as org.stancewatch...training.Evaluation computes them."""


def figures(gold, predicted, classes=3):
    confusion = [[0] * classes for _ in range(classes)]
    for g, p in zip(gold, predicted):
        confusion[g][p] += 1
    f1s = []
    for c in range(classes):
        predicted_c = sum(row[c] for row in confusion)
        gold_c = sum(confusion[c])
        precision = confusion[c][c] / predicted_c if predicted_c else 0.0
        recall = confusion[c][c] / gold_c if gold_c else 0.0
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    total = sum(map(sum, confusion))
    correct = sum(confusion[c][c] for c in range(classes))
    return {"macroF1": sum(f1s) / classes, "accuracy": correct / total if total else 0.0, "targets": total}
