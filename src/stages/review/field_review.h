// Field review: which fields of a measure record a clerk should check
// against the source, and why — Measure::review, `measures[].review` in
// JSON. A field is listed when
//
//   confidence  its field_confidence is below the threshold
//               (--review-below, ReviewOptions::below);
//   period      the period cell has text but no dates were read from it, or
//               only one end ("period not read"), or the dates fall outside
//               the document's fiscal year(s);
//   id          the table's numbering skips or repeats at this record
//               (ReviewNumbering, over all records of a document);
//   owner       an owner item names nothing like a unit (no unit prefix of
//               models/units.tsv anywhere in it), in a record read by OCR
//               or from a table without rulings;
//   empty       the owner or the period is empty in such a record though
//               its other cells are not ("no owner read");
//   words       a text field holds Thai letters that no word of the Thai
//               dictionary (lexicon/thai_dictionary.h) or of the
//               document's own names explains: a misread character, or a
//               piece of a header that went into a cell. On the samples'
//               scans no right field and half the wrong ones held such
//               letters; in text layers they are mostly the source's own
//               typing errors, which a clerk sees are right at a glance;
//   noise       a field read by OCR holds a mark OCR leaves and print does
//               not: a lowercase Latin scrap between Thai words, a full
//               stop after a whole Thai word (ocr_noise.h);
//   id          ... or the record has no number where its table numbers
//               the others (ReviewNumbering).
//
// Before that, EstimateFieldConfidence turns the OCR's field_confidence
// (the lowest word confidence of the field's cells) into an estimate that
// the whole field is right: Tesseract gives 0.90-0.95 to most words,
// right or wrong, so the lowest word says little; but a field's chance of
// holding no misread character falls with its length. On the samples'
// scans 83% of the fields over 150 characters were wrong, 25% of those
// under 20 (scripts/calibrate_review.py).
//
// Every rule is deterministic and reads only the record and the
// document's facts, so the same output always gets the same review.
// scripts/calibrate_review.py measures how well the review predicts the
// fields that are wrong (README, "Review and calibration").
#ifndef RAINGAN_STAGES_REVIEW_FIELD_REVIEW_H_
#define RAINGAN_STAGES_REVIEW_FIELD_REVIEW_H_

#include <string>
#include <vector>

#include "lexicon/thai_dictionary.h"
#include "model/document.h"
#include "stages/tables/owners.h"

namespace raingan {

// The default of --review-below. Measured with scripts/calibrate_review.py
// on the seven shared scans together (512 fields, 197 wrong; README
// table), with the word and noise checks on: 0.6 flags 91% of the wrong
// fields and 8% of the right ones, 0.65 94% / 9.5%, 0.7 96% / 12%. 0.65
// is the highest that keeps needless flags within 10%, because a silent
// wrong field costs a clerk more than a needless look.
inline constexpr double kDefaultReviewBelow = 0.65;

// Reasons made by the confidence rule start with this (the calibration
// tool tells them from the checks' reasons by it).
inline constexpr char kConfidenceReason[] = "OCR confidence";

// Characters per independent chance of a misreading: field_confidence
// becomes c^(chars / kCharsPerChance). 30 separated right from wrong OCR
// fields best on the samples' scans (20: more wrong fields caught, twice
// the right ones flagged; 60: half the wrong ones missed).
inline constexpr double kCharsPerChance = 30;

// Lowers each OCR field confidence of `m` with the length of its text
// (above). Fields without a confidence (text layers) are left alone.
void EstimateFieldConfidence(Measure* m);

struct ReviewOptions {
  double below = kDefaultReviewBelow;          // 0 = no confidence-based review
  FiscalYearSpan fiscal_year;                  // the document's; 0 = unknown
  const UnitLexicon* units = nullptr;          // null = no owner check
  const ThaiDictionary* dictionary = nullptr;  // null = no word check
  // Words the document itself names (its administration, district,
  // provinces), counted as words by the word check.
  std::vector<std::u32string> names;
};

// Reasons made by the word check start with this.
inline constexpr char kUnknownWordsReason[] = "letters that are no Thai word";
// ... and by the OCR noise check (ocr_noise.h).
inline constexpr char kOcrNoiseReason[] = "OCR noise";

// The review items of one record from its own fields (confidence, period,
// owner), in field order, one per field (the first reason found wins).
std::vector<ReviewItem> ReviewFields(const Measure& m,
                                     const ReviewOptions& options);

// Numbering checks across the records of a document, per table and per
// numbering prefix ("1.1", "1.2" continue each other; "2.1" starts
// another): adds an "id" item to a record whose number repeats the
// previous record's under another measure name, or skips ahead of it.
// Sub-rows (same id and measure as the record above) are not repeats.
void ReviewNumbering(std::vector<Measure>* measures);

// Adds `item` unless the record already lists its field.
void AddReview(ReviewItem item, Measure* m);

// "1.2.3" -> prefix "1.2", number 3; false when the last part is no
// number.
bool SplitMeasureId(const std::string& id, std::string* prefix, int* number);

}  // namespace raingan

#endif  // RAINGAN_STAGES_REVIEW_FIELD_REVIEW_H_
