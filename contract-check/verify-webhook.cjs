// Cross-checks the service's webhook signatures with an independent implementation: the Standard Webhooks
// reference library for TypeScript (npm "standardwebhooks"), not the service's code.
//   node verify-webhook.cjs [sample.json]
// 1. the library signs the specification's test vector to the expected signature (sanity of the library use);
// 2. given a delivery captured by WebhookTest (../target/webhook-sample.json: secret, headers, body exactly as
//    received), the library's signature of it equals the service's header, a changed body does not, and, when the
//    sample is less than 5 minutes old, Webhook.verify accepts it as a receiver would.
const fs = require("fs");
const { Webhook } = require("standardwebhooks");

let passed = 0;
let failed = 0;
function check(name, ok) {
  console.log(`${ok ? "ok  " : "FAIL"} ${name}`);
  ok ? passed++ : failed++;
}

const vector = new Webhook("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
check("reference vector", vector.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", new Date(1614265330 * 1000), '{"test": 2432232314}')
  === "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");

const file = process.argv[2] || "../target/webhook-sample.json";
if (!fs.existsSync(file)) {
  console.log(`no captured delivery at ${file} (run WebhookTest first); only the reference vector was checked`);
} else {
  const sample = JSON.parse(fs.readFileSync(file, "utf8"));
  const h = sample.headers;
  const wh = new Webhook(sample.secret);
  const ts = new Date(Number(h["webhook-timestamp"]) * 1000);
  const signatures = h["webhook-signature"].split(" ");
  check("service signature = library signature", signatures.includes(wh.sign(h["webhook-id"], ts, sample.body)));
  check("a changed body signs differently", !signatures.includes(wh.sign(h["webhook-id"], ts, sample.body + " ")));
  if (Math.abs(Date.now() / 1000 - Number(h["webhook-timestamp"])) < 300) {
    let ok = true;
    try {
      wh.verify(sample.body, h);
    } catch (e) {
      ok = false;
    }
    check("Webhook.verify accepts the captured delivery", ok);
    let rejected = false;
    try {
      wh.verify(sample.body + " ", h);
    } catch (e) {
      rejected = true;
    }
    check("Webhook.verify rejects a changed body", rejected);
  } else {
    console.log("captured delivery is older than the 5-minute tolerance: Webhook.verify not run, signatures compared only");
  }
}
console.log(`webhook signatures checked by standardwebhooks: ${passed} ok, ${failed} failing`);
process.exit(failed === 0 ? 0 : 1);
