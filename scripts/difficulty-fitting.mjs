// The fitting procedure behind gateway/policy/difficulty/difficulty-weights.ts: non-negative
// ridge regression on the strong-minus-weak gain, a one-variable logistic calibration, group
// ceilings, and k-fold cross-validation of the whole procedure. Used by scripts/fit-difficulty.mjs
// and scripts/eval-routing.mjs. Plain Node, no dependencies.
/** The target: +1 only the strong model answers right, -1 only the weak one, 0 otherwise. */
export function gainOf(row) {
  return Number(row.strong_correct) - Number(row.weak_correct);
}

/** Deterministic PRNG (mulberry32), the same family the scorer uses for its bands. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** Indices 0..n-1 shuffled with `seed` and dealt into `folds` near-equal folds. */
function foldsOf(n, folds, seed) {
  const random = seededRandom(seed);
  const order = Array.from({ length: n }, (_, index) => index);
  for (let index = n - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other], order[index]];
  }
  return Array.from({ length: folds }, (_, fold) => order.filter((_, position) => position % folds === fold));
}

/** The fitted features (every group but `prior`) as model inputs, one row per prompt. */
export function featureMatrix(modules, prompts) {
  const names = fittedFeatureNames(modules);
  return prompts.map((prompt) => {
    const counts = modules.countDifficultyFeatures(modules.prepareText(prompt));
    return names.map((name) => modules.featureValue(counts[name], modules.featureCaps[name]));
  });
}

export function fittedFeatureNames(modules) {
  return Object.entries(modules.featureGroups)
    .filter(([group]) => group !== "prior")
    .flatMap(([, names]) => names);
}

function columnStatistics(matrix) {
  const columns = matrix[0].length;
  const mean = new Array(columns).fill(0);
  const deviation = new Array(columns).fill(0);
  for (const row of matrix) row.forEach((value, column) => (mean[column] += value / matrix.length));
  for (const row of matrix) row.forEach((value, column) => (deviation[column] += (value - mean[column]) ** 2 / matrix.length));
  return { mean, deviation: deviation.map(Math.sqrt) };
}

/**
 * Ridge regression with every coefficient held at or above zero, by cyclic coordinate descent
 * on standardized columns. Non-negative weights are what make the shipped score monotone: new
 * content can only raise it. Returns coefficients on the standardized scale.
 */
function nonNegativeRidge(matrix, targets, lambda, { mean, deviation }) {
  const columns = mean.length;
  const targetMean = targets.reduce((sum, value) => sum + value, 0) / targets.length;
  const gram = Array.from({ length: columns }, () => new Array(columns).fill(0));
  const moment = new Array(columns).fill(0);
  const standardized = new Array(columns);
  for (let row = 0; row < matrix.length; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      standardized[column] = deviation[column] > 0 ? (matrix[row][column] - mean[column]) / deviation[column] : 0;
    }
    for (let column = 0; column < columns; column += 1) {
      moment[column] += standardized[column] * (targets[row] - targetMean);
      for (let other = 0; other < columns; other += 1) gram[column][other] += standardized[column] * standardized[other];
    }
  }
  const beta = new Array(columns).fill(0);
  for (let sweep = 0; sweep < 2000; sweep += 1) {
    let change = 0;
    for (let column = 0; column < columns; column += 1) {
      if (!(deviation[column] > 0)) continue;
      let residual = moment[column];
      for (let other = 0; other < columns; other += 1) if (other !== column) residual -= gram[column][other] * beta[other];
      const next = Math.max(0, residual / (gram[column][column] + lambda));
      change = Math.max(change, Math.abs(next - beta[column]));
      beta[column] = next;
    }
    if (change < 1e-10) break;
  }
  return beta;
}

/** One-variable logistic regression by Newton's method: P(y = 1) = sigmoid(slope * s + offset). */
function calibrate(scores, labels) {
  let slope = 1;
  let offset = 0;
  for (let iteration = 0; iteration < 100; iteration += 1) {
    let gradientSlope = 0;
    let gradientOffset = 0;
    let hessianSS = 1e-9;
    let hessianSO = 0;
    let hessianOO = 1e-9;
    scores.forEach((score, index) => {
      const probability = 1 / (1 + Math.exp(-(slope * score + offset)));
      const error = probability - labels[index];
      const curvature = probability * (1 - probability);
      gradientSlope += error * score;
      gradientOffset += error;
      hessianSS += curvature * score * score;
      hessianSO += curvature * score;
      hessianOO += curvature;
    });
    const determinant = hessianSS * hessianOO - hessianSO * hessianSO;
    const stepSlope = (hessianOO * gradientSlope - hessianSO * gradientOffset) / determinant;
    const stepOffset = (hessianSS * gradientOffset - hessianSO * gradientSlope) / determinant;
    slope -= stepSlope;
    offset -= stepOffset;
    if (Math.abs(stepSlope) + Math.abs(stepOffset) < 1e-12) break;
  }
  // A non-positive slope would flip the ranking; the ridge direction already says which way is harder.
  return { slope: Math.max(slope, 1e-6), offset };
}

/**
 * Fits the linear part on `rows` with penalty `lambda`: the direction from non-negative ridge on
 * the gain (the ranking that APGR rewards), the scale from calibrating against "only the strong
 * model is right", so the score reads as a probability. Returns raw-scale weights.
 */
export function fitLinear(matrix, rows, lambda) {
  const statistics = columnStatistics(matrix);
  const beta = nonNegativeRidge(
    matrix,
    rows.map((row) => gainOf(row)),
    lambda,
    statistics,
  );
  const rawWeights = beta.map((value, column) => (statistics.deviation[column] > 0 ? value / statistics.deviation[column] : 0));
  const linear = matrix.map((values) => values.reduce((sum, value, column) => sum + rawWeights[column] * value, 0));
  const { slope, offset } = calibrate(
    linear,
    rows.map((row) => (gainOf(row) === 1 ? 1 : 0)),
  );
  return { weights: rawWeights.map((weight) => weight * slope), intercept: offset };
}

function linearScores(matrix, { weights, intercept }) {
  return matrix.map((values) => 1 / (1 + Math.exp(-(intercept + values.reduce((sum, value, column) => sum + weights[column] * value, 0)))));
}

const lambdaGrid = [1, 10, 30, 100, 300, 1000, 3000];

/** Pooled out-of-fold scores of `fit` under k-fold cross-validation. */
export function outOfFoldScores(matrix, rows, folds, seed, fit) {
  const scores = new Array(rows.length);
  for (const heldOut of foldsOf(rows.length, folds, seed)) {
    const held = new Set(heldOut);
    const trainIndices = rows.map((_, index) => index).filter((index) => !held.has(index));
    const model = fit(
      trainIndices.map((index) => matrix[index]),
      trainIndices.map((index) => rows[index]),
    );
    const predicted = linearScores(
      heldOut.map((index) => matrix[index]),
      model,
    );
    heldOut.forEach((index, position) => (scores[index] = predicted[position]));
  }
  return scores;
}

export function apgrOf(evaluate, rows, scores) {
  return evaluate(rows.map((row, index) => ({ score: scores[index], weak: row.weak_correct ? 1 : 0, strong: row.strong_correct ? 1 : 0 })));
}

/**
 * Picks the penalty by 5-fold cross-validation inside `rows` alone (three shuffles, mean APGR),
 * so an outer held-out fold never influences it.
 */
function chooseLambda(evaluate, matrix, rows, { folds = 5, seeds = [101, 102, 103] } = {}) {
  let best = { lambda: lambdaGrid[0], apgr: -Infinity };
  for (const lambda of lambdaGrid) {
    let total = 0;
    for (const seed of seeds) {
      const scores = outOfFoldScores(matrix, rows, folds, seed, (trainMatrix, trainRows) => fitLinear(trainMatrix, trainRows, lambda));
      total += apgrOf(evaluate, rows, scores).apgr;
    }
    if (total / seeds.length > best.apgr) best = { lambda, apgr: total / seeds.length };
  }
  return best.lambda;
}

function quantile(values, fraction) {
  const sorted = [...values].sort((left, right) => left - right);
  const position = (sorted.length - 1) * fraction;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

/** Six decimals: the shipped file stays readable, and every figure is computed from what it ships. */
function rounded(value) {
  return Math.round(value * 1e6) / 1e6;
}

/** Share of the training prompts whose group contribution stays under its ceiling. */
export const ceilingQuantile = 0.95;

/**
 * The whole fitting procedure, from labelled prompts to a `DifficultyModel`: penalty by inner
 * cross-validation, weights on all of `rows`, hand-set priors for what GSM8K lacks, group
 * ceilings at the 95th percentile of each group's contribution over these prompts, and the
 * reference scores. Cross-validation calls it once per fold, so held-out figures measure the
 * procedure, not one lucky set of numbers.
 */
export function buildDifficultyModel(modules, evaluate, prompts, rows, matrix = featureMatrix(modules, prompts)) {
  const lambda = chooseLambda(evaluate, matrix, rows);
  const linear = fitLinear(matrix, rows, lambda);
  const weights = {};
  for (const name of Object.values(modules.featureGroups).flat()) weights[name] = modules.priorWeights[name] ?? 0;
  fittedFeatureNames(modules).forEach((name, column) => (weights[name] = rounded(linear.weights[column])));
  const unbounded = {
    intercept: rounded(linear.intercept),
    weights,
    groupCeilings: { prose: Infinity, quantities: Infinity, reasoning: Infinity, prior: modules.priorCeiling },
    referenceScores: { median: 0, top20Percent: 0, top10Percent: 0, top5Percent: 0 },
  };
  const estimates = prompts.map((prompt) => modules.estimateDifficulty(prompt, unbounded).features);
  const groupCeilings = { prior: modules.priorCeiling };
  for (const group of ["prose", "quantities", "reasoning"]) {
    groupCeilings[group] = rounded(quantile(estimates.map((features) => features[`${group}Logit`]), ceilingQuantile));
  }
  const bounded = { ...unbounded, groupCeilings };
  const scores = prompts.map((prompt) => modules.estimateDifficulty(prompt, bounded).score);
  return {
    model: {
      ...bounded,
      referenceScores: {
        median: rounded(quantile(scores, 0.5)),
        top20Percent: rounded(quantile(scores, 0.8)),
        top10Percent: rounded(quantile(scores, 0.9)),
        top5Percent: rounded(quantile(scores, 0.95)),
      },
    },
    lambda,
  };
}

/** Pooled out-of-fold scores of the whole procedure (nested: the penalty is chosen inside each fold). */
export function heldOutScores(modules, evaluate, prompts, rows, matrix, folds, seed) {
  const scores = new Array(rows.length);
  for (const heldOut of foldsOf(rows.length, folds, seed)) {
    const held = new Set(heldOut);
    const train = rows.map((_, index) => index).filter((index) => !held.has(index));
    const { model } = buildDifficultyModel(
      modules,
      evaluate,
      train.map((index) => prompts[index]),
      train.map((index) => rows[index]),
      train.map((index) => matrix[index]),
    );
    for (const index of heldOut) scores[index] = modules.estimateDifficulty(prompts[index], model).score;
  }
  return scores;
}

/**
 * L2-penalised logistic regression on standardized columns by projected gradient descent, the
 * coefficients optionally held at or above zero. Only used to compare targets in the fit
 * script's `--compare-targets` report; the shipped fit is `fitLinear`.
 */
export function fitLogistic(matrix, labels, { penalty = 1, nonNegative = true } = {}) {
  const { mean, deviation } = columnStatistics(matrix);
  const columns = mean.length;
  const standardized = matrix.map((values) => values.map((value, column) => (deviation[column] > 0 ? (value - mean[column]) / deviation[column] : 0)));
  const beta = new Array(columns).fill(0);
  let offset = 0;
  const step = 0.5;
  for (let iteration = 0; iteration < 1500; iteration += 1) {
    const gradient = new Array(columns).fill(0);
    let gradientOffset = 0;
    standardized.forEach((values, row) => {
      const error = 1 / (1 + Math.exp(-(offset + values.reduce((sum, value, column) => sum + beta[column] * value, 0)))) - labels[row];
      gradientOffset += error / matrix.length;
      values.forEach((value, column) => (gradient[column] += (error * value) / matrix.length));
    });
    for (let column = 0; column < columns; column += 1) {
      const next = beta[column] - step * (gradient[column] + (penalty * beta[column]) / matrix.length);
      beta[column] = nonNegative ? Math.max(0, next) : next;
    }
    offset -= step * gradientOffset;
  }
  const weights = beta.map((value, column) => (deviation[column] > 0 ? value / deviation[column] : 0));
  return { weights, intercept: offset - weights.reduce((sum, weight, column) => sum + weight * mean[column], 0) };
}

/** Unconstrained ridge on the gain, for the same comparison. */
export function fitUnconstrainedRidge(matrix, rows, lambda) {
  const statistics = columnStatistics(matrix);
  const columns = statistics.mean.length;
  const targets = rows.map((row) => gainOf(row));
  const targetMean = targets.reduce((sum, value) => sum + value, 0) / targets.length;
  const system = Array.from({ length: columns }, (_, column) => {
    const equation = new Array(columns + 1).fill(0);
    equation[column] = lambda;
    return equation;
  });
  for (let row = 0; row < matrix.length; row += 1) {
    const values = matrix[row].map((value, column) => (statistics.deviation[column] > 0 ? (value - statistics.mean[column]) / statistics.deviation[column] : 0));
    for (let column = 0; column < columns; column += 1) {
      system[column][columns] += values[column] * (targets[row] - targetMean);
      for (let other = 0; other < columns; other += 1) system[column][other] += values[column] * values[other];
    }
  }
  // Gaussian elimination; the penalty keeps the system well conditioned.
  for (let pivot = 0; pivot < columns; pivot += 1) {
    for (let row = pivot + 1; row < columns; row += 1) {
      const factor = system[row][pivot] / system[pivot][pivot];
      for (let column = pivot; column <= columns; column += 1) system[row][column] -= factor * system[pivot][column];
    }
  }
  const beta = new Array(columns).fill(0);
  for (let row = columns - 1; row >= 0; row -= 1) {
    let value = system[row][columns];
    for (let column = row + 1; column < columns; column += 1) value -= system[row][column] * beta[column];
    beta[row] = value / system[row][row];
  }
  return { weights: beta.map((value, column) => (statistics.deviation[column] > 0 ? value / statistics.deviation[column] : 0)), intercept: 0 };
}
