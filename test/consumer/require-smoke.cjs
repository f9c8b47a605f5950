// Node `require()` of every published entry (the `default` export condition; Node ≥ 20.19 loads ES modules with
// require). Run by the consumer check with the packed packages installed.
const assert = require("node:assert/strict");

const stats = require("@flagsmith-experimentation/stats-core");
assert.equal(typeof stats.analyzeExperiment, "function");
assert.equal(stats.srmTest([500, 500], [50, 50]).mismatch, false);

const adapters = require("@flagsmith-experimentation/adapters");
assert.equal(typeof adapters.createSqlWarehouse, "function");
assert.ok(new adapters.AdapterError("timeout") instanceof Error);
// duckdb-node needs the optional peer @duckdb/node-api, which this host does not install.
assert.equal(typeof require("@flagsmith-experimentation/adapters/duckdb-wasm").openDuckDbWasmWarehouse, "function");
assert.equal(typeof require("@flagsmith-experimentation/adapters/postgres").createPostgresQuery, "function");

assert.equal(typeof require("@flagsmith-experimentation/wizard").ExperimentWizard, "function");
assert.equal(typeof require("@flagsmith-experimentation/results-dashboard").ExperimentResults, "function");
console.log("require(): stats-core, adapters (+ duckdb-wasm, postgres), wizard, results-dashboard");
