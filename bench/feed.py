#!/usr/bin/env python3
"""Helpers of bench/feed.sh (issue 16), standard library only. Subcommands:

  receiver PORT OUT.jsonl        a webhook receiver on 127.0.0.1:PORT: answers 204 and appends one JSON line per
                                 request (arrival time in epoch seconds, the three Standard Webhooks headers, the body)
  follow BASE TOKEN AFTER STOPFILE OUT.json
                                 a feed follower: GET BASE/api/v1/events?after=...&limit=1000 again and again, checking
                                 that positions come dense (n+1 after n, never twice); once STOPFILE holds a cursor and
                                 that cursor is reached it writes its counts to OUT.json and exits (1 on a gap)
  writes BASE TOKEN N OUT.json   N single writes (POST /api/v1/enterprises, one after the other on one connection);
                                 writes the credit codes and each request's time to OUT.json
  latency RECEIVED.jsonl SECRET WRITES.json
                                 verifies every received signature (Standard Webhooks, written from the spec), checks
                                 feed order, and prints the delivery latency occurredAt -> arrival (p50/p99/max)
"""
import base64
import datetime
import hashlib
import hmac
import http.client
import json
import os
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def receiver(port, out):
    lock = threading.Lock()
    sink = open(out, "a", buffering=1)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("content-length", "0")))
            arrived = time.time()
            line = json.dumps({"arrived": arrived, "id": self.headers.get("webhook-id"),
                               "ts": self.headers.get("webhook-timestamp"), "sig": self.headers.get("webhook-signature"),
                               "body": body.decode("utf-8")})
            with lock:
                sink.write(line + "\n")
            self.send_response(204)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    ThreadingHTTPServer(("127.0.0.1", int(port)), Handler).serve_forever()


def get_json(conn, path, token):
    conn.request("GET", path, headers={"Authorization": "Bearer " + token})
    r = conn.getresponse()
    data = r.read()
    if r.status != 200:
        raise SystemExit("GET %s -> %d %s" % (path, r.status, data[:300]))
    return json.loads(data)


def follow(base, token, after, stopfile, out):
    u = urllib.parse.urlparse(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    cursor, last, events, pages, types = after, int(after), 0, 0, {}
    first_at = None
    t0 = time.time()
    while True:
        page = get_json(conn, "/api/v1/events?limit=1000&after=" + cursor, token)
        pages += 1
        for item in page["items"]:
            pos = int(item["cursor"])
            if pos != last + 1:
                json.dump({"gap": True, "expected": last + 1, "got": pos}, open(out, "w"))
                print("follower: GAP after %d: got %d" % (last, pos), file=sys.stderr)
                sys.exit(1)
            last = pos
            events += 1
            types[item["type"]] = types.get(item["type"], 0) + 1
            if first_at is None:
                first_at = time.time()
        cursor = page["next"]
        target = open(stopfile).read().strip() if os.path.exists(stopfile) else ""
        if target and int(cursor) >= int(target):
            break
        if not page["items"]:
            time.sleep(0.05)
    json.dump({"gap": False, "events": events, "pages": pages, "first": int(after) + 1, "last": last, "types": types,
               "seconds": time.time() - t0}, open(out, "w"))


def writes(base, token, n, out):
    u = urllib.parse.urlparse(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    done = []
    for i in range(int(n)):
        first = "91371502WH" + "%07d" % i
        c = 31 - sum(alphabet.index(ch) * w for ch, w in zip(first, weights)) % 31
        code = first + alphabet[0 if c == 31 else c]
        body = json.dumps({"creditCode": code, "name": "回调企业%d" % i, "regionCode": "371502"})
        t0 = time.time()
        conn.request("POST", "/api/v1/enterprises", body=body.encode("utf-8"),
                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
        r = conn.getresponse()
        r.read()
        t1 = time.time()
        if r.status != 201:
            raise SystemExit("POST enterprise %s -> %d" % (code, r.status))
        done.append({"code": code, "sent": t0, "answered": t1})
        time.sleep(0.02)  # about 40 writes a second: each delivery on its own, not a backlog
    json.dump(done, open(out, "w"))


def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, max(0, int(round(p / 100.0 * len(s) + 0.5)) - 1))]


def latency(received, secret, writes_file):
    key = base64.b64decode(secret[len("whsec_"):])
    lines = [json.loads(l) for l in open(received) if l.strip()]
    answered = {w["code"]: w for w in json.load(open(writes_file))}
    bad, last_cursor, out_of_order = 0, -1, 0
    lat_occurred, lat_answered, ids = [], [], set()
    for r in lines:
        expected = base64.b64encode(hmac.new(key, ("%s.%s.%s" % (r["id"], r["ts"], r["body"])).encode("utf-8"),
                                            hashlib.sha256).digest()).decode()
        if not any(s.startswith("v1,") and hmac.compare_digest(s[3:], expected) for s in r["sig"].split(" ")):
            bad += 1
        event = json.loads(r["body"])
        cursor = int(event["cursor"])
        if cursor <= last_cursor and r["id"] not in ids:
            out_of_order += 1
        last_cursor = max(last_cursor, cursor)
        ids.add(r["id"])
        code = event["subject"]["id"]
        if event["type"] != "enterprise.created" or code not in answered:
            continue
        occurred = datetime.datetime.fromisoformat(event["occurredAt"].replace("Z", "+00:00")).timestamp()
        lat_occurred.append((r["arrived"] - occurred) * 1000)
        lat_answered.append((r["arrived"] - answered[code]["answered"]) * 1000)
    missing = len(set(answered) - {json.loads(r["body"])["subject"]["id"] for r in lines})
    print(json.dumps({"received": len(lines), "distinct": len(ids), "bad_signatures": bad, "out_of_order": out_of_order,
                      "writes": len(answered), "missing": missing,
                      "p50_ms": round(pct(lat_occurred, 50), 1), "p99_ms": round(pct(lat_occurred, 99), 1),
                      "max_ms": round(max(lat_occurred), 1),
                      "after_answer_p50_ms": round(pct(lat_answered, 50), 1),
                      "after_answer_p99_ms": round(pct(lat_answered, 99), 1)}))


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"receiver": receiver, "follow": follow, "writes": writes, "latency": latency}[cmd](*args)
