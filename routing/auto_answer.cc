#include "routing/auto_answer.h"

#include "routing/french_dates.h"

namespace relais::routing {

std::string_view escalationName(Escalation e) {
  switch (e) {
    case Escalation::kNone:
      return "none";
    case Escalation::kUrgent:
      return "urgent";
    case Escalation::kAggressive:
      return "aggressive";
    case Escalation::kAsksForPerson:
      return "asks_for_person";
    case Escalation::kNotStatusOnly:
      return "not_status_only";
    case Escalation::kCaseNotFound:
      return "case_not_found";
    case Escalation::kCaseStalled:
      return "case_stalled";
    case Escalation::kRepeatedAsks:
      return "repeated_asks";
    case Escalation::kVulnerable:
      return "vulnerable";
    case Escalation::kReassurance:
      return "reassurance";
  }
  return "unknown";
}

PerChannel<ChannelTemplates> AutoAnswerConfig::defaultTemplates() {
  PerChannel<ChannelTemplates> t;
  // Spoken by the IVR: short sentences, no reference, dates as "le 12 mars".
  t[index(Channel::kPhone)] = {
      "",
      "Votre demande en est à l'étape : {step}, depuis {since}.\n"
      "La prochaine étape, {next_step}, est prévue {expected}.\n"
      "Si cela ne répond pas à votre question, restez en ligne pour parler à un conseiller.",
      "Vous avez {count} demandes en cours : {cases}.\n"
      "Pour savoir où en est l'une d'elles, restez en ligne et un conseiller vous répondra."};
  t[index(Channel::kEmail)] = {
      "Votre demande {ref} : {status}",
      "Bonjour,\n\n"
      "Votre demande {ref} ({kind}) est à l'étape « {step} » depuis le {since}.\n"
      "Prochaine étape : {next_step}, prévue le {expected}.\n\n"
      "Si ce message ne répond pas à votre question, répondez-y simplement : un conseiller "
      "prendra le relais, sans que vous ayez à tout réexpliquer.\n\n"
      "Cordialement,\nLe service relation locataires",
      "Bonjour,\n\n"
      "Vous avez {count} demandes en cours :\n{cases}\n\n"
      "Pouvez-vous nous indiquer la référence de celle qui vous concerne ? Nous vous dirons "
      "aussitôt où elle en est.\n\n"
      "Cordialement,\nLe service relation locataires"};
  const ChannelTemplates written = {
      "",
      "Votre demande {ref} est à l'étape « {step} » depuis le {since}.\n"
      "Prochaine étape : {next_step}, prévue le {expected}.\n"
      "Cela ne répond pas à votre question ? Répondez « conseiller » et une personne prendra le "
      "relais.",
      "Vous avez {count} demandes en cours : {cases}. Laquelle vous concerne ? Indiquez sa "
      "référence."};
  t[index(Channel::kWeb)] = written;
  t[index(Channel::kDigitalAgency)] = written;
  return t;
}

std::optional<std::string> AutoAnswerConfig::validate() const {
  for (auto c : kAllChannels) {
    const auto& t = templates[index(c)];
    for (auto [name, text] : {std::pair<const char*, const std::string*>{"subject", &t.subject},
                              {"answer", &t.answer},
                              {"ambiguous", &t.ambiguous}}) {
      std::string error;
      if (!AnswerTemplate::parse(*text, &error)) {
        return "templates." + std::string(channelName(c)) + "." + name + ": " + error;
      }
    }
  }
  return std::nullopt;
}

AutoAnswerer::AutoAnswerer(AutoAnswerConfig config) : config_(std::move(config)) {
  for (auto c : kAllChannels) {
    const auto& t = config_.templates[index(c)];
    parsed_[index(c)] = {AnswerTemplate::parse(t.subject), AnswerTemplate::parse(t.answer),
                         AnswerTemplate::parse(t.ambiguous)};
  }
}

std::string AutoAnswerer::render(Channel channel, const std::optional<AnswerTemplate>& t,
                                 const TemplateFields& fields) const {
  if (!t) {
    return "";
  }
  if (channel != Channel::kPhone) {
    return t->render(fields);
  }
  std::string spoken = t->render(fields, " ");
  if (spoken.size() > config_.phone_max_chars) {
    // Keep whole sentences within the limit; the last one invites to stay on the line.
    auto cut = spoken.rfind(". ", config_.phone_max_chars);
    spoken = cut == std::string::npos ? spoken.substr(0, config_.phone_max_chars)
                                      : spoken.substr(0, cut + 1);
  }
  return spoken;
}

AutoAnswerDecision AutoAnswerer::decide(const AutoAnswerInput& in, const CaseBook& cases,
                                        AskHistory& asks, Instant now) const {
  AutoAnswerDecision d;
  const Reading& r = *in.reading;
  const Channel ch = in.channel;

  // Which case: the reference given or written, else the tenant's open cases.
  const CaseFile* file = nullptr;
  std::vector<const CaseFile*> open;
  if (!in.case_key.empty()) {
    file = cases.find(in.case_key);
    if (file && !in.tenant_id.empty() && file->tenant_id != in.tenant_id) {
      file = nullptr;  // someone else's reference: never disclose it
    }
  } else if (!in.tenant_id.empty()) {
    open = cases.openCasesOf(in.tenant_id);
    if (open.size() == 1) {
      file = open.front();
    }
  }
  if (file) {
    d.case_key = file->key;
    d.asks_in_window = asks.record(in.tenant_id, file->key, now);
  }

  auto escalate = [&](Escalation e) {
    d.escalation = e;
    return d;
  };
  if (r.urgent) {
    return escalate(Escalation::kUrgent);
  }
  if (r.aggressive) {
    return escalate(Escalation::kAggressive);
  }
  if (r.asks_for_person) {
    return escalate(Escalation::kAsksForPerson);
  }
  if (!r.status_only || !config_.enabled) {
    return escalate(Escalation::kNotStatusOnly);
  }
  if (d.asks_in_window >= config_.repeat_threshold) {
    return escalate(Escalation::kRepeatedAsks);
  }
  if (config_.escalate_vulnerable && in.vulnerable) {
    return escalate(Escalation::kVulnerable);
  }
  if (config_.escalate_reassurance && r.reassurance_high) {
    return escalate(Escalation::kReassurance);
  }

  const auto& templates = parsed_[index(ch)];
  if (!file && open.size() > 1) {
    std::string list;
    for (const auto* c : open) {
      if (!list.empty()) {
        list += ch == Channel::kEmail ? "\n" : (ch == Channel::kPhone ? ", " : " ; ");
      }
      const std::string what = c->kind.empty() ? std::string(c->currentStep()) : c->kind;
      if (ch == Channel::kEmail) {
        list += "- " + c->ref + " (" + what + ", " + std::string(c->currentStep()) + ")";
      } else if (ch == Channel::kPhone) {
        list += "une demande " + what;
      } else {
        list += c->ref + " (" + what + ")";
      }
    }
    d.answered = true;
    d.ambiguous = true;
    d.text = render(ch, templates.ambiguous,
                    {{"cases", list}, {"count", std::to_string(open.size())}});
    d.subject = ch == Channel::kEmail ? "Vos demandes en cours" : "";
    return d;
  }
  if (!file) {
    return escalate(Escalation::kCaseNotFound);
  }
  const bool expected_passed = file->expected_at && *file->expected_at < now;
  if (file->closed || now - file->updated_at > config_.stalled_after || expected_passed) {
    return escalate(Escalation::kCaseStalled);
  }
  const bool spoken = ch == Channel::kPhone;
  auto date = [&](Instant t) { return spoken ? spokenFrenchDate(t, now) : frenchDate(t); };
  TemplateFields fields = {
      {"ref", file->ref},
      {"kind", file->kind},
      {"status", file->status},
      {"step", std::string(file->currentStep())},
      {"since", date(file->currentStepSince())},
      {"next_step", file->next_step},
      {"expected", file->expected_at ? date(*file->expected_at) : ""},
  };
  d.answered = true;
  d.text = render(ch, templates.answer, fields);
  if (ch == Channel::kEmail) {
    d.subject = render(ch, templates.subject, fields);
  }
  return d;
}

int AskHistory::record(std::string_view tenant_id, std::string_view case_key, Instant at) {
  if (tenant_id.empty() || case_key.empty()) {
    return 1;
  }
  auto& times = asks_[std::string(tenant_id) + '\x1f' + std::string(case_key)];
  while (!times.empty() && at - times.front() > window_) {
    times.pop_front();
  }
  times.push_back(at);
  return static_cast<int>(times.size());
}

int AskHistory::count(std::string_view tenant_id, std::string_view case_key, Instant now) const {
  auto it = asks_.find(std::string(tenant_id) + '\x1f' + std::string(case_key));
  if (it == asks_.end()) {
    return 0;
  }
  int n = 0;
  for (auto t : it->second) {
    n += now - t <= window_;
  }
  return n;
}

void AskHistory::prune(Instant now) {
  for (auto it = asks_.begin(); it != asks_.end();) {
    auto& times = it->second;
    while (!times.empty() && now - times.front() > window_) {
      times.pop_front();
    }
    it = times.empty() ? asks_.erase(it) : std::next(it);
  }
}

}  // namespace relais::routing
