#include "load-tests/sim/scenario.h"

#include <fstream>
#include <nlohmann/json.hpp>

namespace relais::sim {
namespace {

using nlohmann::json;

struct Bad {
  std::string what;
};

double clockOf(const json& j) {
  if (j.is_number()) {
    return j.get<double>() * 3600.0;  // hours
  }
  if (auto t = parseClock(j.get<std::string>())) {
    return *t;
  }
  throw Bad{"bad time of day: " + j.dump()};
}

routing::Channel channelOf(const std::string& name) {
  if (auto c = routing::parseChannel(name)) {
    return *c;
  }
  throw Bad{"unknown channel: " + name};
}

routing::Intent intentOf(const std::string& name) {
  if (auto i = routing::parseIntent(name)) {
    return *i;
  }
  throw Bad{"unknown intent: " + name};
}

std::vector<Interval> intervalsOf(const json& j) {
  std::vector<Interval> out;
  for (const auto& e : j) {
    out.push_back({clockOf(e.at("from")), clockOf(e.at("to")), e.value("weight", 1.0)});
    if (out.back().to_s <= out.back().from_s) {
      throw Bad{"profile interval ends before it starts: " + e.dump()};
    }
  }
  return out;
}

HandlingLaw lawOf(const json& j, HandlingLaw base = {}) {
  base.mean_s = j.value("mean_s", base.mean_s);
  base.cv = j.value("cv", base.cv);
  base.exponential = j.value("distribution", std::string("lognormal")) == "exponential";
  return base;
}

Scenario parse(const json& j) {
  Scenario s;
  s.name = j.value("name", std::string("unnamed"));
  s.description = j.value("description", std::string());
  if (j.contains("corpus")) {
    s.corpus = j.at("corpus").get<std::vector<std::string>>();
  }
  s.contacts = j.value("contacts", s.contacts);
  if (j.contains("channel_mix")) {
    s.channel_mix = {0, 0, 0, 0};
    for (const auto& item_k : j.at("channel_mix").items()) {
      const std::string k = item_k.key();
      const json& v = item_k.value();
      s.channel_mix[routing::index(channelOf(k))] = v.get<double>();
    }
  }
  const json intent_map = j.value("intent_mix", json::object());
  for (const auto& item_k : intent_map.items()) {
    const std::string k = item_k.key();
    const json& v = item_k.value();
    s.intent_mix[intentOf(k)] = v.get<double>();
  }
  if (s.intent_mix.empty()) {
    s.intent_mix[routing::Intent::kOther] = 1;
  }
  s.urgent_share = j.value("urgent_share", 0.0);
  s.profile = intervalsOf(j.at("profile"));
  const json profile_map = j.value("profile_by_channel", json::object());
  for (const auto& item_k : profile_map.items()) {
    const std::string k = item_k.key();
    const json& v = item_k.value();
    s.profile_by_channel[channelOf(k)] = intervalsOf(v);
  }
  s.horizon_s = j.contains("horizon") ? clockOf(j.at("horizon")) : s.horizon_s;
  const json& handling = j.at("handling");
  for (const auto& item_k : handling.items()) {
    const std::string k = item_k.key();
    const json& v = item_k.value();
    const auto ch = channelOf(k);
    HandlingLaw base = lawOf(v);
    s.handling[routing::index(ch)] = base;
    const json item_ik_map = v.value("by_intent", json::object());
    for (const auto& item_ik : item_ik_map.items()) {
      const std::string ik = item_ik.key();
      const json& iv = item_ik.value();
      s.handling_by_intent[{ch, intentOf(ik)}] = lawOf(iv, base);
    }
  }
  s.phone_patience_mean_s = j.value("phone_patience_mean_s", 0.0);
  if (j.contains("cases")) {
    s.case_found = j.at("cases").value("found", s.case_found);
    s.case_stalled = j.at("cases").value("stalled", s.case_stalled);
  }
  s.callback_acceptance = j.value("callback_acceptance", s.callback_acceptance);
  s.failed_auto_answer_return_minutes =
      j.value("failed_auto_answer_return_minutes", s.failed_auto_answer_return_minutes);
  for (const auto& g : j.at("agents")) {
    AgentGroup a;
    a.name = g.value("name", std::string("agents"));
    a.count = g.value("count", 1);
    for (const auto& sk : g.at("skills")) {
      if (sk.is_string()) {
        a.skills.push_back({sk.get<std::string>(), 3});
      } else {
        a.skills.push_back({sk.at("name").get<std::string>(), sk.value("proficiency", 3)});
      }
    }
    const json capacity_map = g.value("capacity", json::object());
    for (const auto& item_k : capacity_map.items()) {
      const std::string k = item_k.key();
      const json& v = item_k.value();
      a.capacity[routing::index(channelOf(k))] = v.get<int>();
    }
    if (g.contains("shift")) {
      a.shift_from_s = clockOf(g.at("shift").at(0));
      a.shift_to_s = clockOf(g.at("shift").at(1));
    }
    for (const auto& b : g.value("breaks", json::array())) {
      a.breaks.push_back({clockOf(b.at(0)), b.at(1).get<double>()});
    }
    a.break_stagger_minutes = g.value("break_stagger_minutes", 0.0);
    s.agents.push_back(std::move(a));
  }
  if (j.contains("wrap_up_s")) {
    routing::PerChannel<double> w = {30, 60, 30, 15};
    for (const auto& item_k : j.at("wrap_up_s").items()) {
      const std::string k = item_k.key();
      const json& v = item_k.value();
      w[routing::index(channelOf(k))] = v.get<double>();
    }
    s.wrap_up_s = w;
  }
  s.single_queue = j.value("single_queue", false);
  s.auto_answer = j.value("auto_answer", s.auto_answer);
  if (s.auto_answer != "simple" && s.auto_answer != "library") {
    throw Bad{"auto_answer must be simple or library"};
  }
  if (j.contains("relais_overrides")) {
    const json& o = j.at("relais_overrides");
    if (o.contains("reassurance_queue")) {
      s.relais_reassurance_queue = o.at("reassurance_queue").get<std::string>();
    }
    if (o.contains("wait_for_deescalation_s")) {
      s.relais_wait_for_deescalation_s = o.at("wait_for_deescalation_s").get<double>();
    }
    if (o.contains("callback_threshold_s")) {
      s.relais_callback_threshold_s = o.at("callback_threshold_s").get<double>();
    }
  }
  return s;
}

}  // namespace

std::optional<double> parseClock(const std::string& hhmm) {
  int h = 0, m = 0;
  char colon = 0;
  if (std::sscanf(hhmm.c_str(), "%d%c%d", &h, &colon, &m) != 3 || colon != ':' || h < 0 || m < 0 ||
      m > 59) {
    return std::nullopt;
  }
  return h * 3600.0 + m * 60.0;
}

std::optional<Scenario> loadScenario(const std::string& file, std::string& error) {
  std::ifstream in(file);
  if (!in) {
    error = file + ": cannot open";
    return std::nullopt;
  }
  try {
    return parse(json::parse(in));
  } catch (const Bad& b) {
    error = file + ": " + b.what;
  } catch (const std::exception& e) {
    error = file + ": " + e.what();
  }
  return std::nullopt;
}

}  // namespace relais::sim
