package io.github.ivhclient.videomake;

/**
 * How far the client trusts its own reading of the API document before a request leaves.
 *
 * <p>Every mode still refuses a request that cannot be sent as written (a number JSON cannot
 * carry, an unpaired surrogate, an enum value this client does not know): those are the
 * {@code type}, {@code wellFormedUnicode} and {@code enum} errors. Set per client
 * ({@link IvhClient.Builder#validationMode}) or per call ({@link IvhClient#withValidationMode}).
 */
public enum ValidationMode {
  /** The default: an error stops the request, a warning is reported. */
  ENFORCE,
  /** Every finding is reported, errors as warnings, and the request is sent anyway. */
  WARN_ONLY,
  /** Only the wire format is checked; nothing else is reported. */
  OFF
}
