#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets from real project files (run from anywhere).

  contact_reader/  texts sampled from routing/corpus/*.jsonl, in contact_reader_fuzzer's layout
  config/          deploy/config/relaisd.example.yaml and a few richer configurations
  case_import/     the lines of deploy/config/cases.example.jsonl and a few edge cases
  convert/         protobuf encodings made by `protoc --encode` from text format, selector byte first

Seeds found by fuzzing (crash-*, regression-*) are committed by hand and never rewritten here.
"""
import json
import pathlib
import random
import subprocess

here = pathlib.Path(__file__).resolve().parent
root = here.parent.parent
CHANNELS = {"phone": 0, "email": 1, "web": 2, "digital_agency": 3}


def write(folder, name, data):
    d = here / folder
    d.mkdir(exist_ok=True)
    (d / name).write_bytes(data if isinstance(data, bytes) else data.encode())


def reader_seed(channel, text, subject=b"", vulnerable=False, prior=0):
    head = CHANNELS[channel] | (4 if vulnerable else 0) | (min(prior, 7) << 3)
    return bytes([head, len(subject)]) + subject + text.encode()


def contact_reader():
    rng = random.Random(9)
    for corpus in ["dev", "holdout", "blind_1", "blind_2", "blind_3", "train_a"]:
        rows = [json.loads(l) for l in open(root / f"routing/corpus/{corpus}.jsonl")]
        for row in rng.sample(rows, 6):
            write("contact_reader", f"{corpus}-{row['id']}", reader_seed(row["channel"], row["text"]))
    write("contact_reader", "email-subject", reader_seed(
        "email", "Bonjour,<br>où en est ma demande RC-2026-004512 ?<br>Cordialement",
        subject="Relance dossier n° 2025/118734".encode(), prior=2))
    write("contact_reader", "html-entities", reader_seed(
        "email", "<p>Madame, Monsieur,</p><p>le chauffe&#8209;eau fuit &amp; ça sent le gaz&nbsp;!</p>"))
    write("contact_reader", "phone-vulnerable", reader_seed(
        "phone", "allo euh euh je je suis seule ticket 890 377 m u t 2026 0093", vulnerable=True))
    write("contact_reader", "invalid-utf8", bytes([1, 0]) + b"caf\xc3 \xff\xfe d\xe9j\xe0 \xed\xa0\x80 RC-2026-1")
    write("contact_reader", "pattern-subject", reader_seed(
        "web", "mon dossier DOS-2026/00042 svp", subject=b"after dossier|ticket: %{2,4}-9{4}/#"))


def config():
    write("config", "relaisd.example.yaml", (root / "deploy/config/relaisd.example.yaml").read_bytes())
    write("config", "full.yaml", """\
reader:
  urgent_threshold: 55
  case_ref_patterns: ["RC-9{4}-9{3,8}", "after dossier|ticket: #", "MUT/9{4}-9+", "%{2,4}-9{4}?"]
auto_answer:
  enabled: true
  stalled_after: 21d
  repeat_threshold: 3
  repeat_window: 7d
  escalate_vulnerable: true
  phone_max_chars: 400
  templates:
    email:
      subject: "Votre dossier {ref}"
      answer: "Bonjour,\\nVotre dossier {ref} ({kind}) : {status} depuis le {since}.\\nProchaine étape : {next_step}, prévue le {expected}."
      ambiguous: "Vous avez {count} dossiers ouverts : {cases}."
    phone:
      answer: "Votre dossier {ref} est {status}."
assigned_hold: 30m
retention: {closed_contacts: 90d, purge_batch: 500}
routing:
  default_handle_times: {phone: 5m, email: 10m}
  continuity_memory: 7d
  reassurance_handle_factor: 1.5
  observation_window: 15m
  default_queue: general
  reassurance_queue: proximity
  queues:
    - name: general
      skill: general
      max_waiting: 500
    - name: technical
      skill: technical
      secondary_skills: [general]
      ring_thresholds: [30s, 2m]
      min_proficiency: 2
    - name: proximity
      skill: proximity
  rules: {repair: technical, status_request: general}
""")
    write("config", "security.yaml", """\
grpc_listen: 0.0.0.0:50051
limits: {max_agent_streams: 10, rate_per_client: 5, rate_burst: 10}
security:
  tls:
    cert_file: /nonexistent/relaisd.crt
    key_file: /nonexistent/relaisd.key
    client_ca_file: /nonexistent/ca.crt
    require_client_cert: true
  clients:
    - {name: ivr, role: intake, token_sha256: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef}
    - {name: console-a17, role: agent, agent_id: a17, certificate_cn: a17.consoles.example}
    - {name: lead, role: supervisor, token_sha256: fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210}
""")
    write("config", "errors.yaml", "foo: 1\nlimits:\n  max_text_bytes: -5\nrouting:\n  rules:\n    plumbing: technical\n  callback_threshold: soon\n")
    write("config", "anchors.yaml", "base: &b {phone: 30s}\nrouting:\n  service_targets: *b\n  offer_timeouts: {voice: 15s}\n  wrap_up: !!map {web: 1.5h}\n")


def case_import():
    for i, line in enumerate(open(root / "deploy/config/cases.example.jsonl", encoding="utf-8")):
        if line.strip():
            write("case_import", f"example-{i}", line.rstrip("\n"))
    write("case_import", "nulls-and-closed", '{"case_ref": "X-1", "tenant_id": null, "closed": true, "steps": []}')
    write("case_import", "bad-date", '{"case_ref": "X-2", "opened_at": "2026-13-45", "steps": [{"label": 3}]}')
    write("case_import", "unicode", '{"case_ref": "R\\u00c9F-\\ud83d\\ude00", "kind": "r\u00e9paration", "updated_at": "2026-03-12T09:30:00.123456789+02:00"}')


def convert():
    def encode(selector, message, text):
        wire = subprocess.run(
            ["protoc", f"--encode={message}", "-I", str(root / "proto"),
             "relais/v1/contact.proto", "relais/v1/case_feed.proto", "relais/v1/agent_desk.proto",
             "relais/store/v1/records.proto"],
            input=text.encode(), capture_output=True, check=True).stdout
        return bytes([selector]) + wire

    write("convert", "contact", encode(0, "relais.v1.Contact", """
contact_id: "c1" channel: CHANNEL_PHONE tenant_id: "T2" case_ref: "RC-2026-004512"
subject: "relance" text: "allo euh ça sent le gaz dans la cuisine"
received_at { seconds: 1767225600 nanos: 500000000 }
context { vulnerable: true prior_contacts_same_case: 2 vulnerability_flags: "malentendant" }"""))
    write("convert", "contact-email", encode(0, "relais.v1.Contact",
        'contact_id: "c2" channel: CHANNEL_EMAIL text: "Bonjour, où en est ma demande ?"'))
    write("convert", "case", encode(1, "relais.v1.Case", """
case_ref: "RC-2026-004512" tenant_id: "T1" kind: "réparation" status: "planifiée"
opened_at { seconds: 1793577600 } updated_at { seconds: 1795599000 } next_step: "plombier"
expected_at { seconds: 1799971200 } steps { label: "demande reçue" at { seconds: 1793577600 } }
steps { label: "intervention planifiée" at { seconds: 1795564800 } } closed: false"""))
    write("convert", "connect", encode(2, "relais.v1.ConnectRequest", """
agent_id: "a1" display_name: "Agnès" skills { name: "technical" proficiency: 4 }
skills { name: "general" } capacity { channel: CHANNEL_PHONE max: 1 }
capacity { channel: CHANNEL_EMAIL max: 3 }"""))
    write("convert", "set-state", encode(3, "relais.v1.SetStateRequest",
        'agent_id: "a1" state: AGENT_STATE_BREAK'))
    write("convert", "record", encode(4, "relais.store.v1.ContactRecord", """
contact { contact_id: "c1" channel: CHANNEL_WEB text: "bjr" received_at { seconds: 1767225600 } }
reading { urgency: 12 gist: "bjr" reasons: "status" } state: CONTACT_STATE_WAITING queue: "general"
enqueued_at { seconds: 1767225601 } updated_at { seconds: 1767225602 nanos: 7 } case_key: "RC20264512" """))


contact_reader()
config()
case_import()
convert()
