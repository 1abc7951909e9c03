/**
 * Intake pieces shared by the resident, grid-worker and operator forms: live classification and
 * duplicates (debounced), the category chips, the photo picker (≤ 6, base64, shrunk), and the
 * per-attempt Idempotency-Key.
 */
import "./intake.css";

export { CategorySuggestions } from "./CategorySuggestions";
export { type ClassifiedChoice, ClassifiedChoiceFields, useClassifiedChoice } from "./ClassifiedChoice";
export { DuplicateList } from "./DuplicateList";
export {
  MIN_CLASSIFY_LENGTH,
  submitErrorText,
  useCategoryTree,
  useClassification,
  useDebouncedValue,
  useDemandSubmission,
  useDuplicates,
  useIdempotencyKey,
} from "./hooks";
export { filesOf, PhotoPicker } from "./PhotoPicker";
export { encodePhoto, MAX_PHOTO_BYTES, MAX_PHOTOS } from "./photos";
export { CALLER_PHONE, contentRules, phoneRules } from "./rules";
