package dev.reelwright.core.remote;

import dev.reelwright.core.error.VendorException;

/**
 * One vendor job, in the shape every asynchronous generation API shares: submit, then poll, then the
 * {@link JobRunner} downloads. Implementations do HTTP and mapping only; waiting, retries and deadlines live in
 * the runner.
 */
public interface RemoteJob {
    String vendor();

    /** Sends the paid request. Throws {@link VendorException} when the vendor refuses it. */
    JobId submit();

    /** One status request; read-only, so the runner may retry it freely. */
    JobStatus poll(JobId id);

    /** Asks the vendor to stop the job, where its API allows; best effort. */
    default void cancel(JobId id) {}

    /**
     * Whether a failed submit certainly created no job, so sending it again cannot pay twice. Rate limiting is
     * a refusal before anything starts; vendors that document more (fal: 5xx is not billed) say so here.
     */
    default boolean safeToResubmit(VendorException failure) {
        return failure.kind() == VendorException.Kind.RATE_LIMITED;
    }
}
