import os
import unittest

from stance_training import handwritten


class HandwrittenTest(unittest.TestCase):

    def test_marks_become_targets_with_the_offsets_of_the_plain_sentence(self):
        [record] = handwritten.parse(["Paris praised {Berlin|pos} and chided {the Italian government|neg}."])

        text = record["sentence_normalized"]
        self.assertEqual(text, "Paris praised Berlin and chided the Italian government.")
        self.assertEqual([(text[t["from"]:t["to"]], t["polarity"]) for t in record["targets"]],
                         [("Berlin", 6.0), ("the Italian government", 2.0)])

    def test_comments_and_blank_lines_are_skipped(self):
        self.assertEqual(handwritten.parse(["# a comment", "", "{Chile|neu} voted."])[0]["primary_gid"],
                         "handwritten_3")

    def test_a_broken_mark_is_refused_with_its_line(self):
        with self.assertRaisesRegex(ValueError, "line 2"):
            handwritten.parse(["{Chile|neu} voted.", "Peru {voted|maybe}."])

    def test_the_shipped_file_parses(self):
        path = os.path.join(os.path.dirname(__file__), "..", "data", "foreign-policy.txt")
        with open(path, encoding="utf-8") as lines:
            records = handwritten.parse(lines)
        self.assertGreater(len(records), 100)
        labels = [t["polarity"] for r in records for t in r["targets"]]
        self.assertEqual(set(labels), {2.0, 4.0, 6.0})


if __name__ == "__main__":
    unittest.main()
