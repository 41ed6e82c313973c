#include "load-tests/sim/report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace relais::sim {
namespace {

std::string fmt(const char* f, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

std::string duration(double s) {
  if (s < 120) {
    return fmt("%.0f s", s);
  }
  if (s < 7200) {
    return fmt("%.1f min", s / 60);
  }
  return fmt("%.1f h", s / 3600);
}

std::string pct(double v) { return fmt("%.1f %%", v * 100); }

}  // namespace

std::string comparisonTable(const std::vector<PolicyResult>& results) {
  struct Row {
    const char* name;
    std::string (*value)(const PolicyResult&);
  };
  static const Row kRows[] = {
      {"contacts", [](const PolicyResult& r) { return std::to_string(r.contacts); }},
      {"handled by people",
       [](const PolicyResult& r) { return std::to_string(r.handled_by_people); }},
      {"automatic answers (containment)",
       [](const PolicyResult& r) {
         return std::to_string(r.auto_answered) + " (" + pct(r.containment) + ")";
       }},
      {"wrong automatic answers, back to a person",
       [](const PolicyResult& r) { return std::to_string(r.auto_answer_failed); }},
      {"voice service level 20 s (held calls)",
       [](const PolicyResult& r) { return pct(r.voice_sl20); }},
      {"voice service level 60 s (held calls)",
       [](const PolicyResult& r) { return pct(r.voice_sl60); }},
      {"voice average speed of answer (held)",
       [](const PolicyResult& r) { return duration(r.voice_asa_s); }},
      {"voice abandonment", [](const PolicyResult& r) { return pct(r.abandonment_rate); }},
      {"callbacks taken", [](const PolicyResult& r) { return std::to_string(r.callbacks_taken); }},
      {"p95 delay until the callback",
       [](const PolicyResult& r) { return duration(r.callback_p95_delay_s); }},
      {"p95 wait, urgent", [](const PolicyResult& r) { return duration(r.p95_wait_urgent_s); }},
      {"urgent callers who hung up",
       [](const PolicyResult& r) { return std::to_string(r.urgent_abandoned); }},
      {"p95 wait, high reassurance",
       [](const PolicyResult& r) { return duration(r.p95_wait_reassurance_s); }},
      {"p95 wait, everyone", [](const PolicyResult& r) { return duration(r.p95_wait_all_s); }},
      {"p95 wait, phone", [](const PolicyResult& r) { return duration(r.p95_wait_by_channel[0]); }},
      {"p95 wait, email", [](const PolicyResult& r) { return duration(r.p95_wait_by_channel[1]); }},
      {"p95 wait, web", [](const PolicyResult& r) { return duration(r.p95_wait_by_channel[2]); }},
      {"p95 wait, digital agency",
       [](const PolicyResult& r) { return duration(r.p95_wait_by_channel[3]); }},
      {"still waiting at end of day",
       [](const PolicyResult& r) { return std::to_string(r.still_waiting_at_end); }},
      {"aggressive contacts per agent, max",
       [](const PolicyResult& r) { return std::to_string(r.aggressive_max_per_agent); }},
      {"aggressive contacts, Jain fairness",
       [](const PolicyResult& r) { return fmt("%.2f", r.aggressive_jain); }},
      {"occupancy (staffed time holding a contact)",
       [](const PolicyResult& r) { return pct(r.occupancy); }},
      {"handling work of people",
       [](const PolicyResult& r) { return fmt("%.0f h", r.work_hours); }},
  };
  std::ostringstream out;
  auto pad = [](const std::string& v, std::size_t width, bool right) {
    const std::string fill(width - std::min(width, v.size()), ' ');
    return right ? fill + v : v + fill;
  };
  out << "| " << pad("", 42, false) << "|";
  for (const auto& r : results) {
    out << " " << pad(r.policy, 16, true) << " |";
  }
  out << "\n|" << std::string(43, '-') << "|";
  for (std::size_t i = 0; i < results.size(); ++i) {
    out << std::string(17, '-') << ":|";
  }
  out << "\n";
  for (const auto& row : kRows) {
    out << "| " << pad(row.name, 42, false) << "|";
    for (const auto& r : results) {
      out << " " << pad(row.value(r), 16, true) << " |";
    }
    out << "\n";
  }
  return out.str();
}

nlohmann::json toJson(const PolicyResult& r) {
  nlohmann::json by_channel;
  for (routing::Channel ch : routing::kAllChannels) {
    by_channel[std::string(routing::channelName(ch))] = r.p95_wait_by_channel[routing::index(ch)];
  }
  return {{"policy", r.policy},
          {"contacts", r.contacts},
          {"handled_by_people", r.handled_by_people},
          {"auto_answered", r.auto_answered},
          {"auto_answer_failed", r.auto_answer_failed},
          {"containment", r.containment},
          {"phone_queued", r.phone_queued},
          {"abandoned", r.abandoned},
          {"abandonment_rate", r.abandonment_rate},
          {"callbacks_taken", r.callbacks_taken},
          {"callback_p95_delay_s", r.callback_p95_delay_s},
          {"urgent_abandoned", r.urgent_abandoned},
          {"voice_service_level_20s", r.voice_sl20},
          {"voice_service_level_60s", r.voice_sl60},
          {"voice_asa_s", r.voice_asa_s},
          {"voice_p_wait", r.voice_p_wait},
          {"voice_mean_wait_all_s", r.voice_mean_wait_all_s},
          {"p95_wait_urgent_s", r.p95_wait_urgent_s},
          {"p95_wait_reassurance_high_s", r.p95_wait_reassurance_s},
          {"p95_wait_all_s", r.p95_wait_all_s},
          {"p95_wait_by_channel_s", by_channel},
          {"urgent_handled_by_people", r.urgent_people},
          {"reassurance_high_handled_by_people", r.reassurance_people},
          {"still_waiting_at_end", r.still_waiting_at_end},
          {"aggressive_max_per_agent", r.aggressive_max_per_agent},
          {"aggressive_jain_index", r.aggressive_jain},
          {"occupancy", r.occupancy},
          {"work_hours", r.work_hours},
          {"waiting_per_15min", r.waiting_per_15min}};
}

std::string waitingChartSvg(const std::vector<PolicyResult>& results, const std::string& title,
                            double from_s, double to_s) {
  constexpr double kW = 800, kH = 400, kLeft = 60, kRight = 20, kTop = 40, kBottom = 50;
  static const char* const kColours[] = {"#c0392b", "#2471a3", "#239b56", "#7d3c98"};
  const auto first = static_cast<std::size_t>(from_s / 900);
  const auto last = static_cast<std::size_t>(to_s / 900);
  int max_y = 1;
  for (const auto& r : results) {
    for (std::size_t i = first; i <= last && i < r.waiting_per_15min.size(); ++i) {
      max_y = std::max(max_y, r.waiting_per_15min[i]);
    }
  }
  // A top for the axis whose quarters are whole numbers: 4, 8, 20, 40, 80, 200, 400...
  double top = 4;
  for (int k = 0; top < max_y; ++k) {
    top *= (k % 3 == 1) ? 2.5 : 2;
  }
  const double pw = kW - kLeft - kRight, ph = kH - kTop - kBottom;
  auto x = [&](double s) { return kLeft + (s - from_s) / (to_s - from_s) * pw; };
  auto y = [&](double v) { return kTop + ph - v / top * ph; };
  std::ostringstream o;
  o << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << kW << "\" height=\"" << kH
    << "\" viewBox=\"0 0 " << kW << " " << kH
    << "\" font-family=\"sans-serif\" font-size=\"12\">\n";
  o << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  o << "<text x=\"" << kW / 2 << "\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">" << title
    << "</text>\n";
  for (int k = 0; k <= 4; ++k) {
    const double v = top * k / 4;
    o << "<line x1=\"" << kLeft << "\" x2=\"" << kW - kRight << "\" y1=\"" << y(v) << "\" y2=\""
      << y(v) << "\" stroke=\"#ddd\"/>\n";
    o << "<text x=\"" << kLeft - 6 << "\" y=\"" << y(v) + 4 << "\" text-anchor=\"end\">" << v
      << "</text>\n";
  }
  for (double h = std::ceil(from_s / 3600) * 3600; h <= to_s; h += 3600) {
    o << "<line x1=\"" << x(h) << "\" x2=\"" << x(h) << "\" y1=\"" << kTop + ph << "\" y2=\""
      << kTop + ph + 5 << "\" stroke=\"#333\"/>\n";
    o << "<text x=\"" << x(h) << "\" y=\"" << kTop + ph + 18 << "\" text-anchor=\"middle\">"
      << static_cast<int>(h / 3600) << ":00</text>\n";
  }
  o << "<line x1=\"" << kLeft << "\" x2=\"" << kW - kRight << "\" y1=\"" << kTop + ph << "\" y2=\""
    << kTop + ph << "\" stroke=\"#333\"/>\n";
  o << "<text x=\"" << kW / 2 << "\" y=\"" << kH - 10
    << "\" text-anchor=\"middle\">time of day (waiting contacts sampled every 15 minutes)</text>\n";
  for (std::size_t p = 0; p < results.size(); ++p) {
    const auto& r = results[p];
    const char* colour = kColours[p % std::size(kColours)];
    o << "<polyline fill=\"none\" stroke=\"" << colour << "\" stroke-width=\"2\" points=\"";
    for (std::size_t i = first; i <= last && i < r.waiting_per_15min.size(); ++i) {
      o << x(static_cast<double>(i) * 900) << "," << y(r.waiting_per_15min[i]) << " ";
    }
    o << "\"/>\n";
    o << "<rect x=\"" << kLeft + 10 << "\" y=\"" << kTop + 8 + 18 * static_cast<double>(p)
      << "\" width=\"14\" height=\"4\" fill=\"" << colour << "\"/>\n";
    o << "<text x=\"" << kLeft + 30 << "\" y=\"" << kTop + 14 + 18 * static_cast<double>(p) << "\">"
      << r.policy << "</text>\n";
  }
  o << "</svg>\n";
  return o.str();
}

ValidationFigures validationFigures(const Scenario& s) {
  ValidationFigures v;
  double length = 0;
  for (const auto& iv : s.profile) {
    length += iv.to_s - iv.from_s;
  }
  v.lambda = s.contacts / length;
  v.mu = 1.0 / s.handling[routing::index(routing::Channel::kPhone)].mean_s;
  v.theta = s.phone_patience_mean_s > 0 ? 1.0 / s.phone_patience_mean_s : 0;
  for (const auto& g : s.agents) {
    v.agents += g.count;
  }
  v.theory =
      v.theta > 0 ? erlangA(v.lambda, v.mu, v.theta, v.agents) : erlangC(v.lambda, v.mu, v.agents);
  return v;
}

std::string validationReport(const ValidationFigures& v, const PolicyResult& r) {
  std::ostringstream o;
  const bool a = v.theta > 0;
  o << (a ? "Erlang A (M/M/c+M)" : "Erlang C (M/M/c)") << ": lambda " << fmt("%.5f", v.lambda)
    << "/s, mean handling " << fmt("%.0f", 1 / v.mu) << " s, c " << v.agents;
  if (a) {
    o << ", mean patience " << fmt("%.0f", 1 / v.theta) << " s";
  }
  o << ", load " << fmt("%.3f", v.lambda / v.mu / v.agents) << " per agent, " << r.phone_queued
    << " calls\n";
  auto line = [&](const char* what, double theory, double sim) {
    o << "  " << what << std::string(30 - std::min<std::size_t>(30, std::string(what).size()), ' ')
      << "theory " << fmt("%10.5f", theory) << "   simulated " << fmt("%10.5f", sim)
      << "   relative error " << fmt("%+.2f %%", theory != 0 ? (sim / theory - 1) * 100 : 0)
      << "\n";
  };
  line("P(wait)", v.theory.p_wait, r.voice_p_wait);
  if (a) {
    line("P(abandon)", v.theory.p_abandon, r.abandonment_rate);
    line("mean wait, all calls (s)", v.theory.asa, r.voice_mean_wait_all_s);
  } else {
    line("ASA (s)", v.theory.asa, r.voice_asa_s);
  }
  return o.str();
}

}  // namespace relais::sim
