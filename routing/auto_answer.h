// AutoAnswerer: decides whether relais answers a status request itself (the case is known, on
// time, and the tenant only asks where it stands) or hands it to a person with a reason, and
// writes the answer for the contact's channel. Pure: the case book, the tenant's recent asks and
// `now` come in as arguments.
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "routing/answer_template.h"
#include "routing/case_book.h"
#include "routing/channel.h"
#include "routing/reading.h"
#include "routing/time.h"

namespace relais::routing {

// Why a status request goes to a person. Names (escalationName) are metric labels.
enum class Escalation : unsigned char {
  kNone,
  kUrgent,
  kAggressive,
  kAsksForPerson,
  kNotStatusOnly,  // the reader saw more than a status question (notice, claim, reopen...)
  kCaseNotFound,
  kCaseStalled,
  kRepeatedAsks,
  kVulnerable,
  kReassurance,
};
std::string_view escalationName(Escalation e);

struct ChannelTemplates {
  std::string subject;  // email only
  std::string answer;
  std::string ambiguous;  // several open cases: lists them and asks which one
};

struct AutoAnswerConfig {
  bool enabled = true;
  // A case with no update for this long, or whose expected date has passed, is "stalled".
  Duration stalled_after = std::chrono::hours(24 * 30);
  // This many asks about the same case within `repeat_window` (the present one included) send
  // the contact to a person with priority.
  int repeat_threshold = 3;
  Duration repeat_window = std::chrono::hours(24 * 14);
  // Which escalation reasons apply (all by default); kNone, kCaseNotFound and kNotStatusOnly
  // always apply.
  bool escalate_vulnerable = true;
  bool escalate_reassurance = true;
  PerChannel<ChannelTemplates> templates = defaultTemplates();
  std::size_t phone_max_chars = 300;

  static PerChannel<ChannelTemplates> defaultTemplates();
  // The first template that does not parse, as "templates.<channel>.<name>: <error>".
  std::optional<std::string> validate() const;
};

class AskHistory;

struct AutoAnswerInput {
  Channel channel = Channel::kEmail;
  const Reading* reading = nullptr;
  std::string tenant_id;
  std::string case_key;  // normalised reference from the client or the text; may be empty
  bool vulnerable = false;
};

struct AutoAnswerDecision {
  bool answered = false;
  Escalation escalation = Escalation::kNone;
  std::string case_key;  // the case found, if any
  bool ambiguous = false;
  int asks_in_window = 0;  // asks about the case found within the window, this one included
  std::string subject;  // email
  std::string text;
};

class AutoAnswerer {
 public:
  explicit AutoAnswerer(AutoAnswerConfig config);

  // Only for contacts whose intent is a status request. Records the ask in `asks` when the
  // case is known, so a tenant asking for the K-th time goes to a person.
  AutoAnswerDecision decide(const AutoAnswerInput& input, const CaseBook& cases,
                            AskHistory& asks, Instant now) const;
  const AutoAnswerConfig& config() const { return config_; }

 private:
  struct Parsed {
    std::optional<AnswerTemplate> subject, answer, ambiguous;
  };
  std::string render(Channel channel, const std::optional<AnswerTemplate>& t,
                     const TemplateFields& fields) const;

  AutoAnswerConfig config_;
  PerChannel<Parsed> parsed_;  // parsed once: answering costs no more than queueing
};

// Remembers when each tenant asked about each case, over a sliding window, to spot a tenant who
// asks for the third time. Bounded: entries older than the window are dropped as time passes.
class AskHistory {
 public:
  explicit AskHistory(Duration window) : window_(window) {}
  // Records an ask and returns the number of asks within the window, this one included.
  int record(std::string_view tenant_id, std::string_view case_key, Instant at);
  int count(std::string_view tenant_id, std::string_view case_key, Instant now) const;
  // Drops what is older than the window; call now and then.
  void prune(Instant now);
  std::size_t size() const { return asks_.size(); }

 private:
  std::unordered_map<std::string, std::deque<Instant>> asks_;
  Duration window_;
};

}  // namespace relais::routing
