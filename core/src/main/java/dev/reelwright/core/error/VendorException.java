package dev.reelwright.core.error;

import java.time.Duration;
import java.util.Optional;

/**
 * A remote vendor said no, or could not answer. The {@link Kind} decides whether a retry is safe; the message
 * says what to do next and never contains a key. One vendor class per adapter maps HTTP statuses to kinds.
 */
public final class VendorException extends ReelwrightException {
    /** What went wrong, as far as a caller needs to decide what to do. */
    public enum Kind {
        AUTHENTICATION(false, "check the key"),
        RATE_LIMITED(true, "wait and retry, or lower concurrency"),
        QUOTA_EXHAUSTED(false, "top up the account or raise its limits"),
        CONTENT_POLICY(false, "the vendor refused the content; rephrase the prompt or change the image"),
        INVALID_REQUEST(false, "a parameter was not accepted"),
        MODEL_UNAVAILABLE(false, "pick another model in production.yaml (see 'reelwright providers')"),
        OUTAGE(true, "the vendor is failing; retry later"),
        JOB_FAILED(false, "the vendor's job failed"),
        TIMED_OUT(false, "the job did not finish in time; raise the timeout or check the vendor's status page"),
        BAD_OUTPUT(false, "the vendor's result could not be used"),
        STATUS_UNKNOWN(false, "a paid job may exist; check the vendor's dashboard before trying again");

        private final boolean retriable;
        private final String advice;

        Kind(boolean retriable, String advice) {
            this.retriable = retriable;
            this.advice = advice;
        }

        public boolean retriable() {
            return retriable;
        }

        public String advice() {
            return advice;
        }
    }

    private final String vendor;
    private final Kind kind;
    private final int httpStatus;
    private final Duration retryAfter;
    private final String parameter;

    private VendorException(String vendor, Kind kind, int httpStatus, Duration retryAfter, String parameter, String detail, Throwable cause) {
        super(vendor + ": " + detail + (parameter == null ? "" : " (parameter '" + parameter + "')") + " — " + kind.advice(), cause);
        this.vendor = vendor;
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
        this.parameter = parameter;
    }

    public static VendorException of(String vendor, Kind kind, String detail) {
        return new VendorException(vendor, kind, 0, null, null, detail, null);
    }

    public static VendorException http(String vendor, Kind kind, int status, String detail, Duration retryAfter, String parameter) {
        return new VendorException(vendor, kind, status, retryAfter, parameter, "HTTP " + status + ": " + detail, null);
    }

    public static VendorException wrap(String vendor, Kind kind, String detail, Throwable cause) {
        return new VendorException(vendor, kind, 0, null, null, detail, cause);
    }

    /** An authentication failure that names the setting to fix, e.g. the environment variable. */
    public static VendorException badKey(String vendor, int status, String setting) {
        return new VendorException(vendor, Kind.AUTHENTICATION, status, null, null,
                "HTTP " + status + ": the key was refused; set a valid key in " + setting, null);
    }

    public String vendor() {
        return vendor;
    }

    public Kind kind() {
        return kind;
    }

    public boolean retriable() {
        return kind.retriable();
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public Optional<String> parameter() {
        return Optional.ofNullable(parameter);
    }
}
