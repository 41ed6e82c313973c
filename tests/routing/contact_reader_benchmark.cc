// Reader throughput: a realistic mix (the dev corpus, all channels), the load test's sample texts
// (when ../shared/samples is beside the checkout) and a ~400-word formal letter. Run with
// --benchmark_repetitions=5 --benchmark_report_aggregates_only=true.
#include <benchmark/benchmark.h>

#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "routing/channel.h"
#include "routing/contact_reader.h"

namespace relais::routing {
namespace {

// The string value of `key` in a JSON line written as the corpora and samples are (`"key": "..."`,
// escapes \n, \t, \" and \\ only), or nullopt when the line has none.
std::optional<std::string> stringField(const std::string& line, std::string_view key) {
  const std::string marker = "\"" + std::string(key) + "\": \"";
  const std::size_t at = line.find(marker);
  if (at == std::string::npos) {
    return std::nullopt;
  }
  std::string value;
  for (std::size_t i = at + marker.size(); i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"') {
      break;
    }
    if (c == '\\' && i + 1 < line.size()) {
      const char e = line[++i];
      value.push_back(e == 'n' ? '\n' : e == 't' ? '\t' : e);
      continue;
    }
    value.push_back(c);
  }
  return value;
}

struct SampleText {
  Channel channel = Channel::kEmail;
  std::string text;
};

// The texts (and channels) of a JSON lines file; empty when the file cannot be read.
std::vector<SampleText> loadTexts(const std::string& path) {
  std::vector<SampleText> texts;
  std::ifstream f(path);
  std::string line;
  while (std::getline(f, line)) {
    std::optional<std::string> text = stringField(line, "text");
    if (!text) {
      continue;
    }
    SampleText sample;
    sample.text = std::move(*text);
    if (const std::optional<std::string> channel = stringField(line, "channel")) {
      sample.channel = parseChannel(*channel).value_or(Channel::kEmail);
    }
    texts.push_back(std::move(sample));
  }
  return texts;
}

// The "text" field of each dev corpus line.
std::vector<std::string> loadCorpusTexts() {
  std::vector<std::string> texts;
  for (SampleText& sample : loadTexts(std::string(RELAIS_CORPUS_DIR) + "/dev.jsonl")) {
    texts.push_back(std::move(sample.text));
  }
  if (texts.empty()) {
    texts.emplace_back("bjr jattend tjs le plombier pr le wc qui fui, vs en etes ou ??");
  }
  return texts;
}

std::string formalLetter() {
  return "Objet : Relance relative à ma demande d'intervention technique – Référence "
         "RC-2026-007415\n\nMadame, Monsieur,\n\nLocataire de l'appartement 26 au 4, allée des "
         "Cerisiers, je souhaite par la présente revenir vers vous au sujet d'une demande "
         "d'intervention que j'ai formulée il y a maintenant plusieurs semaines, et qui n'a, à ma "
         "connaissance, pas encore connu de suite concrète.\n\nIl convient de préciser en "
         "préambule que j'ai toujours fait preuve, depuis mon entrée dans les lieux, d'une grande "
         "compréhension à l'égard des contraintes inhérentes à la gestion d'un parc immobilier de "
         "cette envergure, et que je n'ai que rarement sollicité vos services. C'est d'ailleurs "
         "dans cet esprit de dialogue que je vous adresse le présent courriel, en m'efforçant "
         "d'être aussi précis que possible.\n\nMa demande concerne le mécanisme de la chasse "
         "d'eau des toilettes, qui ne se déclenche plus qu'une fois sur trois environ, ainsi que "
         "le joint du lavabo de la salle de bains, qui laisse passer de l'eau à chaque "
         "utilisation. Un technicien est venu effectuer un diagnostic le 21 janvier et m'a "
         "indiqué qu'une pièce devait être commandée auprès du fournisseur habituel. Depuis lors, "
         "je n'ai reçu ni appel, ni courrier, ni notification sur mon espace locataire, malgré "
         "deux appels à votre standard au cours desquels on m'a assuré que le dossier suivait "
         "son cours.\n\nJe comprends parfaitement que les délais d'approvisionnement puissent "
         "varier, mais il me semble raisonnable, après plus de six semaines, de disposer d'une "
         "information précise sur la suite donnée à ma demande. Je rappelle en outre que le "
         "dysfonctionnement de la chasse d'eau entraîne une consommation d'eau importante, dont "
         "le coût se retrouvera nécessairement dans mes charges locatives lors de la prochaine "
         "régularisation annuelle.\n\nPourriez-vous dès lors avoir l'obligeance de m'indiquer si "
         "la pièce en question a été reçue et à quelle date le technicien est susceptible de "
         "repasser ? Je me tiens à votre disposition pour convenir d'un créneau, de préférence "
         "en matinée, et je peux être joint sur mon téléphone portable aux heures de bureau.\n\n"
         "Je précise enfin que je suis disponible la plupart des matinées de la semaine et que "
         "ma voisine de palier, qui dispose d'un double de mes clés, peut ouvrir au technicien "
         "si je devais m'absenter au moment de son passage.\n\n"
         "Je vous remercie par avance de l'attention que vous porterez à ce courriel et de la "
         "diligence avec laquelle, je n'en doute pas, vous traiterez ma demande.\n\nJe vous prie "
         "de croire, Madame, Monsieur, à l'assurance de mes sentiments dévoués.\n\nPhilippe "
         "Roussel\nAllée des Cerisiers, appartement 26";
}

ReaderConfig configWithModel(std::int64_t use_model);

void BM_ReadRealisticMix(benchmark::State& state) {
  const ContactReader reader(configWithModel(state.range(0)));
  const std::vector<std::string> texts = loadCorpusTexts();
  std::size_t i = 0;
  std::int64_t bytes = 0;
  for (auto _ : state) {
    ReaderInput in;
    in.text = texts[i];
    bytes += static_cast<std::int64_t>(texts[i].size());
    benchmark::DoNotOptimize(reader.read(in));
    i = (i + 1) % texts.size();
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_ReadRealisticMix)->Arg(1)->Arg(0);

// The load test's texts (issue #7: about 315 characters on average; IVR transcripts, SMS-style
// forms, chats, mails and a few formal letters), each with its channel, read in turn. The samples
// live beside the repository, not in it: skipped when they are absent.
void BM_ReadSampleTexts(benchmark::State& state) {
  const ContactReader reader(configWithModel(state.range(0)));
  const std::vector<SampleText> samples =
      loadTexts(std::string(RELAIS_SAMPLES_DIR) + "/contacts.sample.jsonl");
  if (samples.empty()) {
    state.SkipWithError("contacts.sample.jsonl is not beside this checkout");
    return;
  }
  std::size_t i = 0;
  std::int64_t bytes = 0;
  for (auto _ : state) {
    ReaderInput in;
    in.channel = samples[i].channel;
    in.text = samples[i].text;
    bytes += static_cast<std::int64_t>(samples[i].text.size());
    benchmark::DoNotOptimize(reader.read(in));
    i = (i + 1) % samples.size();
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_ReadSampleTexts)->Arg(1)->Arg(0);

// state.range(0): 1 with the statistical layer (the default reader), 0 with the lexicon alone,
// to see what the model costs.
ReaderConfig configWithModel(std::int64_t use_model) {
  ReaderConfig config;
  config.use_model = use_model != 0;
  return config;
}

void BM_ReadFormalLetter(benchmark::State& state) {
  const ContactReader reader(configWithModel(state.range(0)));
  const std::string letter = formalLetter();
  for (auto _ : state) {
    ReaderInput in;
    in.channel = Channel::kEmail;
    in.text = letter;
    benchmark::DoNotOptimize(reader.read(in));
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["words"] = 400;
}
BENCHMARK(BM_ReadFormalLetter)->Arg(1)->Arg(0)->Unit(benchmark::kMicrosecond);

void BM_ReadRepeatedWord64KiB(benchmark::State& state) {
  const ContactReader reader;
  std::string text;
  while (text.size() < 64 * 1024) {
    text += "fuite ";
  }
  for (auto _ : state) {
    ReaderInput in;
    in.text = text;
    benchmark::DoNotOptimize(reader.read(in));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ReadRepeatedWord64KiB)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace relais::routing
