/**
 * The shopper says they cannot send the photo asked for ("I don't have a photo", "threw it away",
 * "no camera", a bare "no"): the claim goes to a person instead of waiting.
 */
const NO_PHOTO =
  /^\s*(no+|nope|nah|i can'?t|can'?t|cannot)\s*[.!]*\s*$|\b(no(?! (problem|worries|prob)\b)|don'?t|do not|didn'?t|did not|can'?t|cannot|unable to|haven'?t|have not|not able to|without( a)?)\b[^.?!]{0,30}\b(photos?|pictures?|pics?|images?|camera|phone|take (one|it)|send (one|it))\b|\b(threw|thrown|binned|tossed|got rid of|discarded)\b[^.?!]{0,20}\b(it|them|away|out|box|packaging)\b/i;

export const saysNoPhoto = (text: string): boolean => NO_PHOTO.test(text);
