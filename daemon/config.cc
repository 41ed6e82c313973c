#include "daemon/config.h"

#include <yaml-cpp/yaml.h>

#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string_view>

namespace relais::daemon {
namespace {

using routing::Channel;
using routing::Duration;

// Walks a YAML tree against the schema, collecting every error (not just the first) so that
// --check-config shows them all at once.
class Walker {
 public:
  using Handler = std::function<void(const YAML::Node&, const std::string&)>;

  Walker(std::string source, std::vector<ConfigError>& errors)
      : source_(std::move(source)), errors_(errors) {}

  void error(const YAML::Node& node, const std::string& path, const std::string& message) {
    std::ostringstream out;
    out << source_ << ": " << (path.empty() ? "<root>" : path);
    if (node.IsDefined() && node.Mark().line >= 0) {
      out << " (line " << node.Mark().line + 1 << ")";
    }
    out << ": " << message;
    errors_.push_back({out.str()});
  }

  void map(const YAML::Node& node, const std::string& path,
           const std::map<std::string, Handler>& handlers) {
    if (node.IsNull()) {
      return;
    }
    if (!node.IsMap()) {
      error(node, path, "must be a mapping");
      return;
    }
    std::set<std::string> seen;
    for (auto it = node.begin(); it != node.end(); ++it) {
      const auto key = it->first.Scalar();
      const auto child = join(path, key);
      // yaml-cpp keeps both copies of a repeated key; reading both would merge lists and let
      // the second silently override the first.
      if (!seen.insert(key).second) {
        error(it->first, child, "repeated key");
        continue;
      }
      auto handler = handlers.find(key);
      if (handler == handlers.end()) {
        error(it->first, child, "unknown key");
        continue;
      }
      handler->second(it->second, child);
    }
  }

  void string(const YAML::Node& node, const std::string& path, std::string& out) {
    if (!node.IsScalar()) {
      error(node, path, "must be a string");
      return;
    }
    out = node.Scalar();
  }

  void nonEmptyString(const YAML::Node& node, const std::string& path, std::string& out) {
    string(node, path, out);
    if (node.IsScalar() && out.empty()) {
      error(node, path, "must not be empty");
    }
  }

  template <typename Int>
  void integer(const YAML::Node& node, const std::string& path, Int& out, long long min,
               long long max) {
    long long value = 0;
    const auto& text = node.IsScalar() ? node.Scalar() : std::string();
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (!node.IsScalar() || ec != std::errc() || end != text.data() + text.size()) {
      error(node, path, "must be an integer");
      return;
    }
    if (value < min || value > max) {
      error(node, path,
            "must be between " + std::to_string(min) + " and " + std::to_string(max));
      return;
    }
    out = static_cast<Int>(value);
  }

  void number(const YAML::Node& node, const std::string& path, double& out, double min,
              double max) {
    try {
      const double value = node.as<double>();
      if (!node.IsScalar() || value < min || value > max) {
        error(node, path, "must be a number between " + fmt(min) + " and " + fmt(max));
        return;
      }
      out = value;
    } catch (const YAML::Exception&) {
      error(node, path, "must be a number");
    }
  }

  void boolean(const YAML::Node& node, const std::string& path, bool& out) {
    const auto& s = node.IsScalar() ? node.Scalar() : std::string();
    if (s == "true" || s == "yes" || s == "on") {
      out = true;
    } else if (s == "false" || s == "no" || s == "off") {
      out = false;
    } else {
      error(node, path, "must be true or false");
    }
  }

  void duration(const YAML::Node& node, const std::string& path, Duration& out,
                bool allow_zero = false) {
    auto d = node.IsScalar() ? parseDuration(node.Scalar()) : std::nullopt;
    if (!d) {
      error(node, path, "must be a duration such as 30s, 5m, 4h, 1d or 250ms");
      return;
    }
    if (d->count() < 0 || (!allow_zero && d->count() == 0)) {
      error(node, path, allow_zero ? "must not be negative" : "must be positive");
      return;
    }
    out = *d;
  }

  template <typename T, typename Fn>
  void perChannel(const YAML::Node& node, const std::string& path, routing::PerChannel<T>& out,
                  Fn&& each) {
    if (!node.IsMap()) {
      error(node, path, "must be a mapping of channel (phone, email, web, digital_agency)");
      return;
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
      const auto key = it->first.Scalar();
      auto channel = routing::parseChannel(key);
      if (!channel) {
        error(it->first, join(path, key), "unknown channel");
        continue;
      }
      each(it->second, join(path, key), out[routing::index(*channel)]);
    }
  }

  template <typename Fn>
  void sequence(const YAML::Node& node, const std::string& path, Fn&& each) {
    if (!node.IsSequence()) {
      error(node, path, "must be a list");
      return;
    }
    for (std::size_t i = 0; i < node.size(); ++i) {
      each(node[i], path + "[" + std::to_string(i) + "]");
    }
  }

 private:
  static std::string join(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }
  static std::string fmt(double v) {
    std::ostringstream out;
    out << v;
    return out.str();
  }

  std::string source_;
  std::vector<ConfigError>& errors_;
};

bool readableFile(const std::string& path) {
  std::ifstream in(path);
  return static_cast<bool>(in);
}

void readTls(Walker& w, const YAML::Node& node, const std::string& path, TlsConfig& tls) {
  w.map(node, path,
        {
            {"cert_file", [&](const auto& n, const auto& p) { w.nonEmptyString(n, p, tls.cert_file); }},
            {"key_file", [&](const auto& n, const auto& p) { w.nonEmptyString(n, p, tls.key_file); }},
            {"client_ca_file",
             [&](const auto& n, const auto& p) { w.nonEmptyString(n, p, tls.client_ca_file); }},
            {"require_client_cert",
             [&](const auto& n, const auto& p) { w.boolean(n, p, tls.require_client_cert); }},
        });
  if (!node.IsMap()) {
    return;
  }
  for (auto [key, file] : {std::pair{"cert_file", &tls.cert_file},
                           std::pair{"key_file", &tls.key_file},
                           std::pair{"client_ca_file", &tls.client_ca_file}}) {
    const auto child = path + "." + key;
    if (file->empty()) {
      if (std::string_view(key) != "client_ca_file") {
        w.error(node, child, "required");
      }
    } else if (!readableFile(*file)) {
      w.error(node[key], child, "cannot read " + *file);
    }
  }
  if (tls.require_client_cert && tls.client_ca_file.empty()) {
    w.error(node, path + ".require_client_cert", "needs client_ca_file to verify certificates");
  }
}

std::optional<Role> parseRole(const std::string& s) {
  if (s == "intake") return Role::kIntake;
  if (s == "agent") return Role::kAgent;
  if (s == "backoffice") return Role::kBackoffice;
  if (s == "supervisor") return Role::kSupervisor;
  return std::nullopt;
}

bool isSha256Hex(std::string& hex) {
  if (hex.size() != 64) {
    return false;
  }
  for (auto& c : hex) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!std::isxdigit(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return true;
}

void readClient(Walker& w, const YAML::Node& node, const std::string& path,
                ClientIdentity& client) {
  bool has_role = false;
  w.map(node, path,
        {
            {"name", [&](const auto& n, const auto& p) { w.nonEmptyString(n, p, client.name); }},
            {"role",
             [&](const auto& n, const auto& p) {
               std::string s;
               w.string(n, p, s);
               if (auto role = parseRole(s)) {
                 client.role = *role;
                 has_role = true;
               } else if (n.IsScalar()) {
                 w.error(n, p, "must be intake, agent, backoffice or supervisor");
               }
             }},
            {"agent_id", [&](const auto& n, const auto& p) { w.nonEmptyString(n, p, client.agent_id); }},
            {"token_sha256",
             [&](const auto& n, const auto& p) {
               w.string(n, p, client.token_sha256);
               if (n.IsScalar() && !isSha256Hex(client.token_sha256)) {
                 w.error(n, p, "must be 64 hex digits (relaisctl token new prints it)");
               }
             }},
            {"certificate_cn",
             [&](const auto& n, const auto& p) { w.nonEmptyString(n, p, client.certificate_cn); }},
        });
  if (!node.IsMap()) {
    return;
  }
  if (client.name.empty()) {
    w.error(node, path + ".name", "required");
  }
  if (!has_role) {
    w.error(node, path + ".role", "required");
  } else if (client.role == Role::kAgent && client.agent_id.empty()) {
    w.error(node, path + ".agent_id", "required for role agent");
  } else if (client.role != Role::kAgent && !client.agent_id.empty()) {
    w.error(node["agent_id"], path + ".agent_id", "only for role agent");
  }
  if (client.token_sha256.empty() == client.certificate_cn.empty()) {
    w.error(node, path, "needs exactly one of token_sha256 or certificate_cn");
  }
}

void readSecurity(Walker& w, const YAML::Node& node, const std::string& path,
                  SecurityConfig& security) {
  // Each client's own node, for errors: indexing `node` again could name the wrong one (or none)
  // when a key is repeated.
  std::vector<YAML::Node> client_nodes;
  w.map(node, path,
        {
            {"tls", [&](const auto& n, const auto& p) { readTls(w, n, p, security.tls.emplace()); }},
            {"clients",
             [&](const auto& n, const auto& p) {
               w.sequence(n, p, [&](const auto& e, const auto& ep) {
                 client_nodes.push_back(e);
                 readClient(w, e, ep, security.clients.emplace_back());
               });
             }},
        });
  std::map<std::string, int> names;
  std::map<std::string, int> tokens;
  std::map<std::string, int> cns;
  for (std::size_t i = 0; i < security.clients.size() && i < client_nodes.size(); ++i) {
    const auto& c = security.clients[i];
    const auto at = path + ".clients[" + std::to_string(i) + "]";
    if (!c.name.empty() && !names.emplace(c.name, 0).second) {
      w.error(client_nodes[i], at + ".name", "duplicate client name " + c.name);
    }
    if (!c.token_sha256.empty() && !tokens.emplace(c.token_sha256, 0).second) {
      w.error(client_nodes[i], at + ".token_sha256", "same token as an earlier client");
    }
    if (!c.certificate_cn.empty()) {
      if (!cns.emplace(c.certificate_cn, 0).second) {
        w.error(client_nodes[i], at + ".certificate_cn", "same common name as an earlier client");
      }
      if (!security.tls || security.tls->client_ca_file.empty()) {
        w.error(client_nodes[i], at + ".certificate_cn",
                "needs security.tls.client_ca_file to verify client certificates");
      }
    }
  }
}

void readQueue(Walker& w, const YAML::Node& node, const std::string& path,
               routing::QueueConfig& q) {
  w.map(node, path,
        {
            {"name", [&](const auto& n, const auto& p) { w.nonEmptyString(n, p, q.name); }},
            {"skill", [&](const auto& n, const auto& p) { w.nonEmptyString(n, p, q.skill); }},
            {"secondary_skills",
             [&](const auto& n, const auto& p) {
               q.secondary_skills.clear();
               w.sequence(n, p, [&](const auto& e, const auto& ep) {
                 w.nonEmptyString(e, ep, q.secondary_skills.emplace_back());
               });
             }},
            {"ring_thresholds",
             [&](const auto& n, const auto& p) {
               q.ring_thresholds.clear();
               w.sequence(n, p, [&](const auto& e, const auto& ep) {
                 w.duration(e, ep, q.ring_thresholds.emplace_back());
               });
             }},
            {"min_proficiency", [&](const auto& n, const auto& p) { w.integer(n, p, q.min_proficiency, 1, 5); }},
            {"max_waiting",
             [&](const auto& n, const auto& p) { w.integer(n, p, q.max_waiting, 1, 10'000'000); }},
        });
  if (q.name.empty()) {
    w.error(node, path + ".name", "required");
  }
  if (q.skill.empty()) {
    q.skill = q.name;
  }
}

void readRouting(Walker& w, const YAML::Node& node, const std::string& path,
                 routing::RoutingConfig& r) {
  auto durations = [&](const auto& n, const auto& p, routing::PerChannel<Duration>& out) {
    w.perChannel(n, p, out, [&](const auto& e, const auto& ep, Duration& d) { w.duration(e, ep, d); });
  };
  w.map(
      node, path,
      {
          {"service_targets", [&](const auto& n, const auto& p) { durations(n, p, r.service_target); }},
          {"offer_timeouts", [&](const auto& n, const auto& p) { durations(n, p, r.offer_timeout); }},
          {"wrap_up",
           [&](const auto& n, const auto& p) {
             w.perChannel(n, p, r.wrap_up,
                          [&](const auto& e, const auto& ep, Duration& d) { w.duration(e, ep, d, true); });
           }},
          {"default_handle_times", [&](const auto& n, const auto& p) { durations(n, p, r.default_handle_time); }},
          {"default_capacity",
           [&](const auto& n, const auto& p) {
             w.perChannel(n, p, r.default_capacity,
                          [&](const auto& e, const auto& ep, int& c) { w.integer(e, ep, c, 0, 100); });
           }},
          {"weights",
           [&](const auto& n, const auto& p) {
             auto& wt = r.weights;
             w.map(n, p,
                   {
                       {"urgency", [&](const auto& e, const auto& ep) { w.number(e, ep, wt.urgency, 0, 1e6); }},
                       {"reassurance",
                        [&](const auto& e, const auto& ep) { w.number(e, ep, wt.reassurance, 0, 1e6); }},
                       {"wait", [&](const auto& e, const auto& ep) { w.number(e, ep, wt.wait, 0.001, 1e6); }},
                       {"urgent_bonus",
                        [&](const auto& e, const auto& ep) { w.number(e, ep, wt.urgent_bonus, 0, 1e6); }},
                       {"boost", [&](const auto& e, const auto& ep) { w.number(e, ep, wt.boost, 0, 1e6); }},
                   });
           }},
          {"incivility",
           [&](const auto& n, const auto& p) {
             auto& inc = r.incivility;
             w.map(n, p,
                   {
                       {"deescalation_skill",
                        [&](const auto& e, const auto& ep) { w.nonEmptyString(e, ep, inc.deescalation_skill); }},
                       {"wait_for_deescalation",
                        [&](const auto& e, const auto& ep) { w.duration(e, ep, inc.wait_for_deescalation, true); }},
                       {"cooldown", [&](const auto& e, const auto& ep) { w.duration(e, ep, inc.cooldown, true); }},
                       {"max_per_shift",
                        [&](const auto& e, const auto& ep) { w.integer(e, ep, inc.max_per_shift, 1, 1000); }},
                       {"shift_length",
                        [&](const auto& e, const auto& ep) { w.duration(e, ep, inc.shift_length); }},
                   });
           }},
          {"continuity_window",
           [&](const auto& n, const auto& p) { w.duration(n, p, r.continuity_window, true); }},
          {"continuity_memory", [&](const auto& n, const auto& p) { w.duration(n, p, r.continuity_memory); }},
          {"reassurance_handle_factor",
           [&](const auto& n, const auto& p) { w.number(n, p, r.reassurance_handle_factor, 1, 10); }},
          {"max_consecutive_misses",
           [&](const auto& n, const auto& p) { w.integer(n, p, r.max_consecutive_misses, 1, 100); }},
          {"callback_threshold", [&](const auto& n, const auto& p) { w.duration(n, p, r.callback_threshold); }},
          {"merge_repeats", [&](const auto& n, const auto& p) { w.boolean(n, p, r.merge_repeats); }},
          {"observation_window",
           [&](const auto& n, const auto& p) { w.duration(n, p, r.observation_window); }},
          {"default_queue", [&](const auto& n, const auto& p) { w.nonEmptyString(n, p, r.default_queue); }},
          {"reassurance_queue", [&](const auto& n, const auto& p) { w.string(n, p, r.reassurance_queue); }},
          {"queues",
           [&](const auto& n, const auto& p) {
             r.queues.clear();
             w.sequence(n, p, [&](const auto& e, const auto& ep) { readQueue(w, e, ep, r.queues.emplace_back()); });
           }},
          {"rules",
           [&](const auto& n, const auto& p) {
             if (!n.IsMap()) {
               w.error(n, p, "must be a mapping of intent to queue name");
               return;
             }
             r.rules.clear();
             for (auto it = n.begin(); it != n.end(); ++it) {
               const auto key = it->first.Scalar();
               auto intent = routing::parseIntent(key);
               if (!intent) {
                 w.error(it->first, p + "." + key, "unknown intent");
                 continue;
               }
               std::string queue;
               w.nonEmptyString(it->second, p + "." + key, queue);
               r.rules.push_back({*intent, queue});
             }
           }},
      });
}

void readReader(Walker& w, const YAML::Node& node, const std::string& path,
                routing::ReaderConfig& r) {
  w.map(node, path,
        {
            {"case_ref_patterns",
             [&](const auto& n, const auto& p) {
               r.case_ref_patterns.clear();
               w.sequence(n, p, [&](const auto& e, const auto& ep) {
                 auto& pattern = r.case_ref_patterns.emplace_back();
                 w.nonEmptyString(e, ep, pattern);
                 if (auto problem = routing::ContactReader::validateCaseRefPattern(pattern)) {
                   w.error(e, ep, *problem);
                 }
               });
             }},
            {"urgent_threshold",
             [&](const auto& n, const auto& p) { w.integer(n, p, r.urgent_threshold, 1, 100); }},
            {"reassurance_high_threshold",
             [&](const auto& n, const auto& p) { w.integer(n, p, r.reassurance_high_threshold, 1, 100); }},
        });
}

void readAutoAnswer(Walker& w, const YAML::Node& node, const std::string& path,
                    routing::AutoAnswerConfig& a) {
  auto templates = [&](const YAML::Node& n, const std::string& p) {
    w.perChannel(n, p, a.templates,
                 [&](const YAML::Node& e, const std::string& ep, routing::ChannelTemplates& t) {
                   auto text = [&](std::string& out) {
                     return [&w, &out](const YAML::Node& tn, const std::string& tp) {
                       w.nonEmptyString(tn, tp, out);
                       std::string problem;
                       if (tn.IsScalar() && !routing::AnswerTemplate::parse(out, &problem)) {
                         w.error(tn, tp, problem);
                       }
                     };
                   };
                   w.map(e, ep,
                         {{"subject", text(t.subject)},
                          {"answer", text(t.answer)},
                          {"ambiguous", text(t.ambiguous)}});
                 });
  };
  w.map(node, path,
        {
            {"enabled", [&](const auto& n, const auto& p) { w.boolean(n, p, a.enabled); }},
            {"stalled_after",
             [&](const auto& n, const auto& p) { w.duration(n, p, a.stalled_after); }},
            {"repeat_threshold",
             [&](const auto& n, const auto& p) { w.integer(n, p, a.repeat_threshold, 1, 100); }},
            {"repeat_window",
             [&](const auto& n, const auto& p) { w.duration(n, p, a.repeat_window); }},
            {"escalate_vulnerable",
             [&](const auto& n, const auto& p) { w.boolean(n, p, a.escalate_vulnerable); }},
            {"escalate_reassurance",
             [&](const auto& n, const auto& p) { w.boolean(n, p, a.escalate_reassurance); }},
            {"phone_max_chars",
             [&](const auto& n, const auto& p) { w.integer(n, p, a.phone_max_chars, 80, 2000); }},
            {"templates", templates},
        });
}

}  // namespace

std::optional<Duration> parseDuration(const std::string& text) {
  if (text.empty()) {
    return std::nullopt;
  }
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  // from_chars reads "nan" and "inf" too: neither is a duration.
  if (ec != std::errc() || !std::isfinite(value) || value < 0) {
    return std::nullopt;
  }
  const std::string_view unit(end, text.data() + text.size() - end);
  double scale = 0;
  if (unit.empty() || unit == "s") {
    scale = 1;
  } else if (unit == "ms") {
    scale = 1e-3;
  } else if (unit == "m" || unit == "min") {
    scale = 60;
  } else if (unit == "h") {
    scale = 3600;
  } else if (unit == "d") {
    scale = 86400;
  } else {
    return std::nullopt;
  }
  const double seconds = value * scale;
  if (seconds > 365.0 * 86400) {
    return std::nullopt;
  }
  return routing::seconds(seconds);
}

std::optional<DaemonConfig> parseConfig(const std::string& yaml, const std::string& source,
                                        std::vector<ConfigError>& errors) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::ParserException& e) {
    errors.push_back({source + " (line " + std::to_string(e.mark.line + 1) + "): " + e.msg});
    return std::nullopt;
  }
  DaemonConfig config;
  Walker w(source, errors);
  // The walker checks each node's kind before reading it; this is the net for a yaml-cpp
  // accessor that throws on a shape we did not foresee (found by config_fuzzer).
  try {
    w.map(root, "",
          {
              {"grpc_listen", [&](const auto& n, const auto& p) { w.nonEmptyString(n, p, config.grpc_listen); }},
              {"metrics_listen",
               [&](const auto& n, const auto& p) { w.nonEmptyString(n, p, config.metrics_listen); }},
              {"data_dir", [&](const auto& n, const auto& p) { w.nonEmptyString(n, p, config.data_dir); }},
              {"limits",
               [&](const auto& n, const auto& p) {
                 w.map(n, p,
                       {
                           {"max_text_bytes",
                            [&](const auto& e, const auto& ep) {
                              w.integer(e, ep, config.max_text_bytes, 16, 16 * 1024 * 1024);
                            }},
                           {"max_message_bytes",
                            [&](const auto& e, const auto& ep) {
                              w.integer(e, ep, config.max_message_bytes, 1024, 64 * 1024 * 1024);
                            }},
                           {"max_agent_streams",
                            [&](const auto& e, const auto& ep) {
                              w.integer(e, ep, config.max_agent_streams, 1, 1'000'000);
                            }},
                           {"rate_per_client",
                            [&](const auto& e, const auto& ep) {
                              w.number(e, ep, config.rate_per_client, 0, 1e9);
                            }},
                           {"rate_burst",
                            [&](const auto& e, const auto& ep) {
                              w.number(e, ep, config.rate_burst, 1, 1e9);
                            }},
                       });
               }},
              {"storage",
               [&](const auto& n, const auto& p) {
                 w.map(n, p,
                       {
                           {"sync",
                            [&](const auto& e, const auto& ep) {
                              std::string s;
                              w.string(e, ep, s);
                              if (s == "off") {
                                config.sync = SyncLevel::kOff;
                              } else if (s == "normal") {
                                config.sync = SyncLevel::kNormal;
                              } else if (s == "full") {
                                config.sync = SyncLevel::kFull;
                              } else if (e.IsScalar()) {
                                w.error(e, ep, "must be off, normal or full");
                              }
                            }},
                       });
               }},
              {"log",
               [&](const auto& n, const auto& p) {
                 w.map(n, p,
                       {
                           {"level",
                            [&](const auto& e, const auto& ep) {
                              w.string(e, ep, config.log_level);
                              static const char* kLevels[] = {"trace", "debug", "info",
                                                              "warn",  "error", "off"};
                              if (std::find(std::begin(kLevels), std::end(kLevels),
                                            config.log_level) == std::end(kLevels)) {
                                w.error(e, ep, "must be trace, debug, info, warn, error or off");
                              }
                            }},
                           {"format",
                            [&](const auto& e, const auto& ep) {
                              std::string f;
                              w.string(e, ep, f);
                              if (f == "json") {
                                config.log_json = true;
                              } else if (f == "text") {
                                config.log_json = false;
                              } else if (e.IsScalar()) {
                                w.error(e, ep, "must be text or json");
                              }
                            }},
                       });
               }},
              {"reader", [&](const auto& n, const auto& p) { readReader(w, n, p, config.reader); }},
              {"auto_answer",
               [&](const auto& n, const auto& p) { readAutoAnswer(w, n, p, config.auto_answer); }},
              {"assigned_hold",
               [&](const auto& n, const auto& p) { w.duration(n, p, config.assigned_hold); }},
              {"retention",
               [&](const auto& n, const auto& p) {
                 w.map(n, p,
                       {
                           {"closed_contacts",
                            [&](const auto& e, const auto& ep) {
                              w.duration(e, ep, config.retention, true);
                            }},
                           {"purge_batch",
                            [&](const auto& e, const auto& ep) {
                              w.integer(e, ep, config.purge_batch, 1, 1'000'000);
                            }},
                       });
               }},
              {"routing", [&](const auto& n, const auto& p) { readRouting(w, n, p, config.routing); }},
              {"security",
               [&](const auto& n, const auto& p) { readSecurity(w, n, p, config.security); }},
          });
  } catch (const YAML::Exception& e) {
    errors.push_back({source + ": unexpected structure: " + e.msg});
  }
  if (errors.empty()) {
    if (auto problem = routing::validate(config.routing)) {
      errors.push_back({source + ": routing: " + *problem});
    }
    if (auto problem = exposureProblem(config)) {
      errors.push_back({source + ": " + *problem});
    }
  }
  if (!errors.empty()) {
    return std::nullopt;
  }
  return config;
}

bool isLoopbackListen(const std::string& listen) {
  if (listen.starts_with("unix:")) {
    return true;
  }
  const auto colon = listen.rfind(':');
  std::string host = colon == std::string::npos ? listen : listen.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  return host == "localhost" || host == "::1" || host.starts_with("127.");
}

std::optional<std::string> exposureProblem(const DaemonConfig& config) {
  if (isLoopbackListen(config.grpc_listen)) {
    return std::nullopt;
  }
  if (!config.security.tls || config.security.clients.empty()) {
    return "grpc_listen " + config.grpc_listen +
           " is not a loopback address: it needs security.tls and security.clients (tenants' "
           "data must not travel in clear or to unauthenticated callers)";
  }
  return std::nullopt;
}

std::optional<std::string> readTextFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::optional<DaemonConfig> loadConfigFile(const std::string& path,
                                           std::vector<ConfigError>& errors) {
  auto text = readTextFile(path);
  if (!text) {
    errors.push_back({path + ": cannot open"});
    return std::nullopt;
  }
  return parseConfig(*text, path, errors);
}

}  // namespace relais::daemon
