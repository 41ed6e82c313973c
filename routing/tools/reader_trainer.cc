// reader_trainer: learns the contact reader's statistical layer (routing/reader_model.h) from
// labelled corpora (JSON lines, the keys of routing/corpus/README.md) and writes the weights as
// a C++ source file. Run by the build (routing/CMakeLists.txt); deterministic: same corpora,
// same bytes out.
//
//   reader_trainer --out weights.cc corpus1.jsonl corpus2.jsonl ...
//   reader_trainer --cv 5 corpus1.jsonl ...    # k-fold estimate, no output file
//   reader_trainer --top 20 corpus1.jsonl ...  # prints the heaviest features of each head
//
// Logistic regression: a softmax over the six intents and one sigmoid for each of urgent,
// aggressive, reassurance_high and status_only; stochastic gradient descent in a fixed order,
// L2 regularisation, rare positives up-weighted. Features seen in fewer than two messages are
// dropped (they cannot generalise and would bloat the weights file).
#include "routing/text_normaliser.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "routing/contact_reader.h"
#include "routing/reader_model.h"

namespace relais::routing {
namespace {

constexpr int kEpochs = 40;
constexpr float kLearningRate = 0.3F;
constexpr float kL2 = 2e-4F;
constexpr int kMinDocumentFrequency = 2;
constexpr float kMaxPositiveWeight = 4.0F;

// ------------------------------------------------------------------ a small JSON line reader
struct JsonValue {
  enum Kind { kNull, kBool, kString, kNumber } kind = kNull;
  bool b = false;
  std::string s;
};

class JsonLine {
 public:
  explicit JsonLine(std::string_view line) : p_(line) {}

  std::optional<std::map<std::string, JsonValue>> parse() {
    std::map<std::string, JsonValue> out;
    skip();
    if (!eat('{')) {
      return std::nullopt;
    }
    skip();
    if (eat('}')) {
      return out;
    }
    while (true) {
      skip();
      std::string key;
      if (!string(key)) {
        return std::nullopt;
      }
      skip();
      if (!eat(':')) {
        return std::nullopt;
      }
      skip();
      JsonValue v;
      if (peek() == '"') {
        v.kind = JsonValue::kString;
        if (!string(v.s)) {
          return std::nullopt;
        }
      } else if (p_.substr(i_).starts_with("true")) {
        v.kind = JsonValue::kBool;
        v.b = true;
        i_ += 4;
      } else if (p_.substr(i_).starts_with("false")) {
        v.kind = JsonValue::kBool;
        i_ += 5;
      } else if (p_.substr(i_).starts_with("null")) {
        i_ += 4;
      } else {
        v.kind = JsonValue::kNumber;
        while (i_ < p_.size() && p_[i_] != ',' && p_[i_] != '}') {
          v.s.push_back(p_[i_++]);
        }
      }
      out[key] = std::move(v);
      skip();
      if (eat(',')) {
        continue;
      }
      if (eat('}')) {
        return out;
      }
      return std::nullopt;
    }
  }

 private:
  char peek() const { return i_ < p_.size() ? p_[i_] : '\0'; }
  bool eat(char c) {
    if (peek() == c) {
      ++i_;
      return true;
    }
    return false;
  }
  void skip() {
    while (i_ < p_.size() && (p_[i_] == ' ' || p_[i_] == '\t' || p_[i_] == '\r')) {
      ++i_;
    }
  }

  bool hex4(std::uint32_t& v) {
    if (i_ + 4 > p_.size()) {
      return false;
    }
    v = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = p_[i_++];
      v <<= 4;
      if (c >= '0' && c <= '9') {
        v |= static_cast<std::uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        v |= static_cast<std::uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        v |= static_cast<std::uint32_t>(c - 'A' + 10);
      } else {
        return false;
      }
    }
    return true;
  }
  bool string(std::string& out) {
    if (!eat('"')) {
      return false;
    }
    while (i_ < p_.size()) {
      const char c = p_[i_++];
      if (c == '"') {
        return true;
      }
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (i_ >= p_.size()) {
        return false;
      }
      const char e = p_[i_++];
      switch (e) {
        case 'n':
          out.push_back('\n');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 'b':
          out.push_back('\b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'u': {
          std::uint32_t cp = 0;
          if (!hex4(cp)) {
            return false;
          }
          if (cp >= 0xD800 && cp < 0xDC00 && p_.substr(i_).starts_with("\\u")) {
            i_ += 2;
            std::uint32_t low = 0;
            if (!hex4(low)) {
              return false;
            }
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          relais::routing::appendUtf8(out, cp);
          break;
        }
        default:
          out.push_back(e);
      }
    }
    return false;
  }

  std::string_view p_;
  std::size_t i_ = 0;
};

// ------------------------------------------------------------------ examples
struct Example {
  std::string id;
  std::vector<std::pair<std::uint64_t, float>> features;  // sorted by key
  LexiconSignals lexicon;
  int intent = 5;
  std::array<bool, 4> flags{};  // urgent, aggressive, reassurance_high, status_only
  bool lexicon_tuned = false;   // from a corpus the lexicon was tuned on (dev, holdout)
};

constexpr std::array<std::size_t, 4> kBinaryHeads = {kHeadUrgent, kHeadAggressive, kHeadReassurance,
                                                     kHeadStatusOnly};

bool loadCorpus(const std::string& path, const ContactReader& reader, std::vector<Example>& out,
                std::unordered_map<std::uint64_t, std::string>& names) {
  std::ifstream f(path);
  if (!f) {
    std::cerr << "reader_trainer: cannot open " << path << "\n";
    return false;
  }
  std::string line;
  int line_no = 0;
  NormalisedText text;
  std::vector<ModelFeature> features;
  while (std::getline(f, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      continue;
    }
    const auto obj = JsonLine(line).parse();
    auto bad = [&](std::string_view why) {
      std::cerr << path << ":" << line_no << ": " << why << "\n";
      return false;
    };
    if (!obj) {
      return bad("not a flat JSON object");
    }
    auto str = [&](const char* k) -> const std::string* {
      auto it = obj->find(k);
      return it != obj->end() && it->second.kind == JsonValue::kString ? &it->second.s : nullptr;
    };
    auto flag = [&](const char* k) -> std::optional<bool> {
      auto it = obj->find(k);
      if (it == obj->end() || it->second.kind != JsonValue::kBool) {
        return std::nullopt;
      }
      return it->second.b;
    };
    const std::string* text_value = str("text");
    const std::string* intent_value = str("intent");
    const std::string* channel_value = str("channel");
    if (text_value == nullptr || intent_value == nullptr || channel_value == nullptr) {
      return bad("missing text, intent or channel");
    }
    const auto intent = parseIntent(*intent_value);
    const auto channel = parseChannel(*channel_value);
    if (!intent || !channel) {
      return bad("unknown intent or channel");
    }
    Example ex;
    ex.id = str("id") != nullptr ? *str("id") : path + ":" + std::to_string(line_no);
    ex.intent = static_cast<int>(*intent);
    ex.lexicon_tuned = path.find("train_") == std::string::npos;
    const char* keys[] = {"urgent", "aggressive", "reassurance_high", "status_only"};
    for (std::size_t k = 0; k < 4; ++k) {
      const auto v = flag(keys[k]);
      if (!v) {
        return bad(std::string("missing boolean ") + keys[k]);
      }
      ex.flags[k] = *v;
    }
    ReaderInput in;
    in.channel = *channel;
    in.text = *text_value;
    reader.modelInput(in, text, ex.lexicon, features);
    for (const ModelFeature& mf : features) {
      ex.features.emplace_back(mf.key, mf.value);
      if (!names.contains(mf.key)) {
        names.emplace(mf.key, describeFeature(text, mf));
      }
    }
    std::sort(ex.features.begin(), ex.features.end());
    out.push_back(std::move(ex));
  }
  return true;
}

// ------------------------------------------------------------------ the model
struct Model {
  std::vector<std::uint64_t> keys;  // sorted
  std::vector<float> weights;       // kModelHeadCount per key
  std::array<float, kModelHeadCount> bias{};
};

struct Vocabulary {
  std::vector<std::uint64_t> keys;  // sorted
  std::size_t indexOf(std::uint64_t key) const {
    const auto it = std::lower_bound(keys.begin(), keys.end(), key);
    return it != keys.end() && *it == key ? static_cast<std::size_t>(it - keys.begin())
                                          : keys.size();
  }
};

Vocabulary buildVocabulary(const std::vector<const Example*>& train) {
  std::unordered_map<std::uint64_t, int> df;
  for (const Example* ex : train) {
    for (const auto& [k, v] : ex->features) {
      ++df[k];
    }
  }
  Vocabulary voc;
  for (const auto& [k, n] : df) {
    if (n >= kMinDocumentFrequency) {
      voc.keys.push_back(k);
    }
  }
  std::sort(voc.keys.begin(), voc.keys.end());
  return voc;
}

float sigmoid(float x) { return 1.0F / (1.0F + std::exp(-x)); }

Model train(const std::vector<const Example*>& examples) {
  const Vocabulary voc = buildVocabulary(examples);
  const std::size_t n = voc.keys.size();
  std::vector<float> w(n * kModelHeadCount, 0.0F);
  std::array<float, kModelHeadCount> bias{};

  // Indexed features of each example, once.
  std::vector<std::vector<std::pair<std::size_t, float>>> x(examples.size());
  for (std::size_t e = 0; e < examples.size(); ++e) {
    for (const auto& [k, v] : examples[e]->features) {
      const std::size_t i = voc.indexOf(k);
      if (i < n) {
        x[e].emplace_back(i, v);
      }
    }
  }
  std::array<float, 4> positive_weight{};
  for (std::size_t b = 0; b < 4; ++b) {
    float pos = 0;
    for (const Example* ex : examples) {
      pos += ex->flags[b] ? 1.0F : 0.0F;
    }
    const float neg = static_cast<float>(examples.size()) - pos;
    positive_weight[b] = pos > 0 ? std::clamp(std::sqrt(neg / pos), 1.0F, kMaxPositiveWeight) : 1;
  }

  std::vector<std::size_t> order(examples.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  std::uint64_t rng = 0x9E3779B97F4A7C15ULL;
  std::array<float, kModelHeadCount> grad{};
  for (int epoch = 0; epoch < kEpochs; ++epoch) {
    // Fisher-Yates with a fixed-seed LCG: the same order on every machine.
    for (std::size_t i = order.size(); i > 1; --i) {
      rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
      std::swap(order[i - 1], order[(rng >> 33) % i]);
    }
    const float lr = kLearningRate / (1.0F + 0.15F * static_cast<float>(epoch));
    for (std::size_t e : order) {
      const Example& ex = *examples[e];
      std::array<float, kModelHeadCount> z = bias;
      for (const auto& [i, v] : x[e]) {
        for (std::size_t h = 0; h < kModelHeadCount; ++h) {
          z[h] += w[i * kModelHeadCount + h] * v;
        }
      }
      float top = z[0];
      for (std::size_t h = 1; h < kModelIntentHeads; ++h) {
        top = std::max(top, z[h]);
      }
      float total = 0;
      for (std::size_t h = 0; h < kModelIntentHeads; ++h) {
        total += std::exp(z[h] - top);
      }
      for (std::size_t h = 0; h < kModelIntentHeads; ++h) {
        const float p = std::exp(z[h] - top) / total;
        grad[h] = p - (static_cast<int>(h) == ex.intent ? 1.0F : 0.0F);
      }
      for (std::size_t b = 0; b < 4; ++b) {
        const std::size_t h = kBinaryHeads[b];
        const float y = ex.flags[b] ? 1.0F : 0.0F;
        grad[h] = (sigmoid(z[h]) - y) * (ex.flags[b] ? positive_weight[b] : 1.0F);
      }
      for (std::size_t h = 0; h < kModelHeadCount; ++h) {
        bias[h] -= lr * grad[h] * 0.1F;
      }
      for (const auto& [i, v] : x[e]) {
        for (std::size_t h = 0; h < kModelHeadCount; ++h) {
          float& wi = w[i * kModelHeadCount + h];
          wi -= lr * (grad[h] * v + kL2 * wi);
        }
      }
    }
  }
  Model m;
  m.bias = bias;
  for (std::size_t i = 0; i < n; ++i) {
    bool useful = false;
    for (std::size_t h = 0; h < kModelHeadCount; ++h) {
      useful = useful || std::fabs(w[i * kModelHeadCount + h]) >= 1e-4F;
    }
    if (useful) {
      m.keys.push_back(voc.keys[i]);
      m.weights.insert(m.weights.end(),
                       w.begin() + static_cast<std::ptrdiff_t>(i * kModelHeadCount),
                       w.begin() + static_cast<std::ptrdiff_t>((i + 1) * kModelHeadCount));
    }
  }
  return m;
}

ModelWeights view(const Model& m) {
  return ModelWeights{m.keys.data(), m.weights.data(), m.keys.size(), m.bias.data()};
}

// ------------------------------------------------------------------ evaluation
struct Counts {
  int n = 0;
  int intent_ok = 0;
  std::array<int, 4> tp{}, fp{}, fn{};
  void add(const Example& ex, const ModelDecision& d) {
    ++n;
    intent_ok += d.intent == ex.intent;
    const std::array<bool, 4> got = {d.urgent, d.aggressive, d.reassurance_high, d.status_only};
    for (std::size_t k = 0; k < 4; ++k) {
      tp[k] += ex.flags[k] && got[k];
      fp[k] += !ex.flags[k] && got[k];
      fn[k] += ex.flags[k] && !got[k];
    }
  }
  void print(std::ostream& out, const std::string& title) const {
    auto ratio = [](int a, int b) { return b == 0 ? 1.0 : static_cast<double>(a) / b; };
    char buf[512];
    std::snprintf(buf, sizeof buf, "%s: n=%d intent %.3f", title.c_str(), n, ratio(intent_ok, n));
    out << buf;
    const char* names[] = {"urgent", "aggressive", "reassurance", "status_only"};
    for (std::size_t k = 0; k < 4; ++k) {
      const double p = ratio(tp[k], tp[k] + fp[k]);
      const double r = ratio(tp[k], tp[k] + fn[k]);
      std::snprintf(buf, sizeof buf, " | %s P %.2f R %.2f F1 %.2f", names[k], p, r,
                    p + r > 0 ? 2 * p * r / (p + r) : 0.0);
      out << buf;
    }
    out << "\n";
  }
};

ModelThresholds g_thresholds;

// --misses: each cross-validation misread, "id reader: what", to see which wordings fail.
bool g_print_misses = false;
// --dump-status FILE: per-message cross-validated status_only probability and blockers.
std::ofstream* g_dump_status = nullptr;

void printMisses(const Example& ex, const ModelDecision& d, std::string_view reader) {
  static constexpr std::array<std::string_view, 4> kNames = {"urgent", "aggressive",
                                                             "reassurance_high", "status_only"};
  const std::array<bool, 4> got = {d.urgent, d.aggressive, d.reassurance_high, d.status_only};
  std::string what;
  if (d.intent != ex.intent) {
    what += " intent " + std::string(intentName(static_cast<Intent>(d.intent))) + " (want " +
            std::string(intentName(static_cast<Intent>(ex.intent))) + ")";
  }
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (got[i] != ex.flags[i]) {
      what += ' ';  // not `" " + std::string`: GCC 12 -O3 -Wrestrict false positive
      what += kNames[i];
      what += got[i] ? " false positive" : " missed";
    }
  }
  if (!what.empty()) {
    std::cout << ex.id << " " << reader << ":" << what << "\n";
  }
}

void crossValidate(const std::vector<Example>& all, int folds) {
  Counts model_counts;
  Counts lexicon_counts;
  Counts fresh_model_counts;
  Counts fresh_lexicon_counts;
  for (int f = 0; f < folds; ++f) {
    std::vector<const Example*> train_set;
    std::vector<const Example*> test_set;
    for (std::size_t i = 0; i < all.size(); ++i) {
      (static_cast<int>(i % static_cast<std::size_t>(folds)) == f ? test_set : train_set)
          .push_back(&all[i]);
    }
    const Model m = train(train_set);
    const ReaderModel model(view(m));
    for (const Example* ex : test_set) {
      std::vector<ModelFeature> features;
      for (const auto& [k, v] : ex->features) {
        features.push_back({k, v, 0, FeatureType::kWord});
      }
      const ModelDecision d = combineDecisions(ex->lexicon, model.score(features), g_thresholds);
      model_counts.add(*ex, d);
      ModelDecision lex;
      lex.intent = ex->lexicon.intent;
      lex.urgent = ex->lexicon.urgent;
      lex.aggressive = ex->lexicon.aggressive;
      lex.reassurance_high = ex->lexicon.reassurance >= 60;
      lex.status_only = lex.intent == 0 && !lex.urgent && !lex.aggressive && !ex->lexicon.person &&
                        !ex->lexicon.formal && !ex->lexicon.reopen;
      lexicon_counts.add(*ex, lex);
      if (g_print_misses) {
        printMisses(*ex, lex, "lexicon");
        printMisses(*ex, d, "model");
      }
      if (!ex->lexicon_tuned) {
        fresh_model_counts.add(*ex, d);
        fresh_lexicon_counts.add(*ex, lex);
      }
      if (g_dump_status != nullptr) {
        // One line per cross-validated message, for the status_only trade-off analysis:
        // id, labelled intent and status_only, read intent, p(status_only), blockers, lexicon
        // status score.
        const ModelScores sc = model.score(features);
        *g_dump_status << ex->id << '\t' << ex->intent << '\t' << ex->flags[3] << '\t' << d.intent
                       << '\t' << sc.probability(kHeadStatusOnly) << '\t' << d.urgent
                       << d.aggressive << ex->lexicon.person << ex->lexicon.formal
                       << ex->lexicon.reopen << ex->lexicon.new_problem << '\t' << ex->lexicon.status_score
                       << '\n';
      }
      if (std::getenv("READER_TRAINER_VERBOSE") != nullptr &&
          (d.intent != ex->intent || d.status_only != ex->flags[3] || d.urgent != ex->flags[0] ||
           d.aggressive != ex->flags[1])) {
        std::cout << "  miss " << ex->id << ": intent " << d.intent << " want " << ex->intent
                  << " urg " << d.urgent << "/" << ex->flags[0] << " agg " << d.aggressive << "/"
                  << ex->flags[1] << " so " << d.status_only << "/" << ex->flags[3] << "\n";
      }
    }
  }
  lexicon_counts.print(std::cout, "lexicon alone ");
  model_counts.print(std::cout, std::to_string(folds) + "-fold model ");
  fresh_lexicon_counts.print(std::cout, "train_* only, lexicon alone ");
  fresh_model_counts.print(std::cout, "train_* only, " + std::to_string(folds) + "-fold model ");
}

void printTop(const Model& m, const std::unordered_map<std::uint64_t, std::string>& names,
              std::size_t top) {
  const char* heads[] = {"status_request", "repair",     "rent_and_charges", "neighbourhood",
                         "tenancy_admin",  "other",      "urgent",           "aggressive",
                         "reassurance",    "status_only"};
  for (std::size_t h = 0; h < kModelHeadCount; ++h) {
    std::vector<std::pair<float, std::size_t>> ws;
    for (std::size_t i = 0; i < m.keys.size(); ++i) {
      ws.emplace_back(m.weights[i * kModelHeadCount + h], i);
    }
    std::sort(ws.begin(), ws.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::cout << heads[h] << " (bias " << m.bias[h] << "):";
    for (std::size_t i = 0; i < top && i < ws.size(); ++i) {
      const auto it = names.find(m.keys[ws[i].second]);
      std::cout << " [" << (it != names.end() ? it->second : "?") << " " << ws[i].first << "]";
    }
    std::cout << "\n";
  }
}

bool writeWeights(const Model& m, const std::string& path, const std::vector<std::string>& inputs,
                  std::size_t examples) {
  std::string out;
  out.reserve(m.keys.size() * 140 + 4096);
  out += "// Generated by routing/tools/reader_trainer.cc from " + std::to_string(examples) +
         " labelled messages. Do not edit.\n// Inputs:";
  for (const std::string& in : inputs) {
    const std::size_t slash = in.find_last_of('/');
    out += " " + (slash == std::string::npos ? in : in.substr(slash + 1));
  }
  out += "\n#include \"routing/internal/reader_model_weights.h\"\n\n";
  out += "namespace relais::routing::internal {\n\n";
  const std::size_t count = m.keys.size();
  out += "extern const std::size_t kReaderModelCount = " + std::to_string(count) + ";\n";
  out += "extern const std::uint64_t kReaderModelKeys[" +
         std::to_string(std::max<std::size_t>(count, 1)) + "] = {\n";
  char buf[64];
  for (std::size_t i = 0; i < count; ++i) {
    std::snprintf(buf, sizeof buf, "0x%016llxULL,", static_cast<unsigned long long>(m.keys[i]));
    out += buf;
    out += (i % 4 == 3) ? "\n" : " ";
  }
  if (count == 0) {
    out += "0";
  }
  out += "};\n";
  auto number = [&buf](float v) {
    if (std::fabs(v) < 5e-6F) {
      return std::string("0");
    }
    std::snprintf(buf, sizeof buf, "%.5gF", static_cast<double>(v));
    std::string s = buf;
    if (s.find('.') == std::string::npos && s.find('e') == std::string::npos) {
      s.insert(s.size() - 1, ".0");
    }
    return s;
  };
  out += "extern const float kReaderModelWeights[" +
         std::to_string(std::max<std::size_t>(count * kModelHeadCount, 1)) + "] = {\n";
  for (std::size_t i = 0; i < count; ++i) {
    for (std::size_t h = 0; h < kModelHeadCount; ++h) {
      out += number(m.weights[i * kModelHeadCount + h]);
      out += ",";
    }
    out += "\n";
  }
  if (count == 0) {
    out += "0";
  }
  out += "};\nextern const float kReaderModelBias[" + std::to_string(kModelHeadCount) + "] = {";
  for (std::size_t h = 0; h < kModelHeadCount; ++h) {
    out += number(m.bias[h]);
    out += h + 1 < kModelHeadCount ? ", " : "";
  }
  out += "};\n\n}  // namespace relais::routing::internal\n";
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << out;
  return static_cast<bool>(f);
}

int run(int argc, char** argv) {
  std::string out_path;
  int folds = 0;
  std::size_t top = 0;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--out" && i + 1 < argc) {
      out_path = argv[++i];
    } else if (a == "--cv" && i + 1 < argc) {
      folds = std::max(2, std::atoi(argv[++i]));
    } else if (a == "--threshold" && i + 2 < argc) {
      // For cross-validation experiments: --threshold urgent 0.3
      const std::string head = argv[++i];
      const float v = std::strtof(argv[++i], nullptr);
      float* t = head == "urgent"        ? &g_thresholds.urgent
                 : head == "past"        ? &g_thresholds.urgent_past_cue_alone
                 : head == "veto"        ? &g_thresholds.aggressive_lexicon_veto
                 : head == "aggressive"  ? &g_thresholds.aggressive
                 : head == "reassurance" ? &g_thresholds.reassurance
                                         : &g_thresholds.status_only;
      *t = v;
    } else if (a == "--dump-status" && i + 1 < argc) {
      static std::ofstream dump;
      dump.open(argv[++i]);
      g_dump_status = &dump;
    } else if (a == "--misses") {
      g_print_misses = true;
    } else if (a == "--top" && i + 1 < argc) {
      top = static_cast<std::size_t>(std::max(1, std::atoi(argv[++i])));
    } else {
      inputs.push_back(a);
    }
  }
  if (inputs.empty() || (out_path.empty() && folds == 0 && top == 0)) {
    std::cerr << "usage: reader_trainer [--out weights.cc] [--cv K [--misses]] [--top N] "
                 "corpus.jsonl...\n";
    return 2;
  }
  ReaderConfig config;
  config.use_model = false;
  const ContactReader reader(config);
  std::vector<Example> all;
  std::unordered_map<std::uint64_t, std::string> names;
  for (const std::string& in : inputs) {
    if (!loadCorpus(in, reader, all, names)) {
      return 1;
    }
  }
  if (folds > 0) {
    crossValidate(all, folds);
  }
  std::vector<const Example*> everything;
  for (const Example& ex : all) {
    everything.push_back(&ex);
  }
  if (out_path.empty() && top == 0) {
    return 0;
  }
  const Model m = train(everything);
  if (top > 0) {
    printTop(m, names, top);
  }
  if (!out_path.empty() && !writeWeights(m, out_path, inputs, all.size())) {
    std::cerr << "reader_trainer: cannot write " << out_path << "\n";
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace relais::routing

int main(int argc, char** argv) { return relais::routing::run(argc, argv); }
