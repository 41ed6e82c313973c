// Fuzzes the contact reader as relaisd runs it (default ReaderConfig, trained model on), and its
// two parsers directly: text normalisation and case reference extraction.
//
// Input layout: byte 0 picks the channel (bits 0-1), the vulnerable flag (bit 2) and the prior
// asks on the same case (bits 3-5); byte 1 is the subject's length; then the subject, then the
// text. Shorter inputs leave the missing parts empty.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "routing/case_ref.h"
#include "routing/channel.h"
#include "routing/contact_reader.h"
#include "routing/reading.h"
#include "routing/text_normaliser.h"

namespace {

using namespace relais::routing;

const ContactReader& reader() {
  static const ContactReader* r = new ContactReader(ReaderConfig{});
  return *r;
}

const CaseRefMatcher& matcher() {
  static const CaseRefMatcher* m = new CaseRefMatcher(defaultCaseRefPatterns());
  return *m;
}

void check(bool ok) {
  if (!ok) {
    __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::uint8_t head = size > 0 ? data[0] : 0;
  const std::size_t subject_size = size > 1 ? data[1] : 0;
  const std::string_view rest = size > 2 ? bytes.substr(2) : std::string_view();
  const std::string_view subject = rest.substr(0, subject_size);
  const std::string_view text = rest.substr(subject.size());

  ReaderInput input;
  input.channel = kAllChannels[head & 3];
  input.context.vulnerable = (head & 4) != 0;
  input.context.prior_contacts_same_case = (head >> 3) & 7;
  input.subject = subject;
  input.text = text;
  const Reading reading = reader().read(input);
  check(reading.urgency >= 0 && reading.urgency <= 100);
  check(reading.reassurance >= 0 && reading.reassurance <= 100);
  check(isValidUtf8(reading.gist));
  for (const std::string& reason : reading.reasons) {
    check(isValidUtf8(reason));
  }
  if (reading.case_ref) {
    (void)ContactReader::normaliseCaseRef(*reading.case_ref);
  }

  // The normaliser's own promises (text_normaliser.h): valid UTF-8 out, spans inside the text.
  NormalisedText normalised;
  normaliseText(text, normalised);
  check(isValidUtf8(normalised.display));
  for (const Token& t : normalised.tokens) {
    check(t.norm_begin + t.norm_size <= normalised.norm.size());
    check(t.src_begin <= t.src_end && t.src_end <= normalised.display.size());
    check(t.sentence < normalised.sentences.size());
  }
  for (const Sentence& s : normalised.sentences) {
    check(s.src_begin <= s.src_end && s.src_end <= normalised.display.size());
    check(s.first_token <= s.end_token && s.end_token <= normalised.tokens.size());
  }
  check(isValidUtf8(cleanText(text)));
  (void)foldText(text);
  const std::string_view prefix = utf8Prefix(text, subject_size);
  check(prefix.size() <= subject_size);

  // Case references over the display text (what the reader searches) and over raw bytes.
  if (auto m = matcher().find(normalised.display)) {
    check(m->begin <= m->end && m->end <= normalised.display.size());
    (void)matcher().patternText(m->pattern);
    (void)caseRefComparisonForm(normalised.display.substr(m->begin, m->end - m->begin));
  }
  (void)caseRefComparisonForm(text);

  // The pattern language itself: the subject as a configured pattern.
  const std::string pattern(subject);
  if (!validateCaseRefPatternSyntax(pattern)) {
    const CaseRefMatcher custom({pattern});
    if (auto m = custom.find(normalised.display)) {
      check(m->begin <= m->end && m->end <= normalised.display.size());
    }
  }
  return 0;
}
