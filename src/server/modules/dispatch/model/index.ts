/**
 * The dispatch model (智能派单, issue #4): suggests a message's category — or any label it
 * was trained on: deeper category paths, responsible units — with a confidence and the words
 * that drove it.
 *
 * ```ts
 * const model = trainFirstLevel(labelled, { unlabelled, taxonomy }); // or trainModel(examples, options)
 * model.classify(title, body, 3); // [{ label, confidence, words }, …] surest first
 * const stored = serializeModel(model); // JSON-able, versioned (format, version); ~4 MB for the first-level model
 * const again = deserializeModel(stored); // same outputs
 * ```
 *
 * Training reads texts only (no database); building a model takes seconds, classifying one
 * message well under a millisecond. A process keeps one segmenter per set of user words
 * (`sharedSegmenter`), built once.
 */
export { DispatchModel, deserializeModel, serializeModel, sharedSegmenter, MODEL_FORMAT, MODEL_FORMAT_VERSION, type ModelInfo, type SerializedModel, type Suggestion } from './model.js';
export { trainFirstLevel, trainModel, taxonomyPriors, TermCache, type FirstLevelOptions, type LabelledMessage, type MessageText, type PriorText, type TaxonomyRow, type TrainOptions } from './train.js';
export { crossValidate, stratifiedFolds, type CrossValidation, type CrossValidationOptions } from './cross-validation.js';
export { evaluate, formatEvaluation, type Evaluation, type LabelScores } from './metrics.js';
export { shippedLabelled, shippedTaxonomy, shippedUnlabelled } from './shipped-knowledge.js';
export { dispatchEvaluate, type DispatchEvaluateOptions } from './evaluate-command.js';
