/**
 * The district gazetteer in the web app: `PlaceSearch` (type an address, landmark, compound or
 * community), `placeTypedText` (place typed text without the dropdown), `usePlaceLabels` (names
 * drawn on a map, no tiles needed).
 */
export { type ChosenPlace, type PlaceItem, placesApi } from "./api";
export { PlaceSearch, placeTypedText } from "./PlaceSearch";
export { usePlaceLabels } from "./usePlaceLabels";
