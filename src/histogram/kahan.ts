// One step of Kahan-Neumaier summation as Prometheus's kahansum.Inc: the new
// sum and compensation are left in kahanStep.sum and kahanStep.c (no tuple
// allocated per step).

interface KahanStep {
  (inc: number, sum: number, c: number): void;
  sum: number;
  c: number;
}

export const kahanStep: KahanStep = Object.assign(
  (inc: number, sum: number, c: number): void => {
    const t = sum + inc;
    if (t === Infinity || t === -Infinity) c = 0;
    else if (Math.abs(sum) >= Math.abs(inc)) c += sum - t + inc;
    else c += inc - t + sum;
    kahanStep.sum = t;
    kahanStep.c = c;
  },
  { sum: 0, c: 0 },
);
