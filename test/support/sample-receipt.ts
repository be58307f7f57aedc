// One sample receipt for every test: the renderer may import only shared/, so the copy lives
// with its tests and the gateway's tests take it from there.
export { sampleReceipt } from "../../renderer/src/test-support/sample-receipt.js";
