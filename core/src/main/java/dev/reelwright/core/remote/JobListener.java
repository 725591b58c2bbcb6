package dev.reelwright.core.remote;

/** Told about a job as it goes: the id as soon as the vendor gives one (to journal it), then progress. */
public interface JobListener {
    JobListener NONE = new JobListener() {};

    default void submitted(JobId id) {}

    default void waiting(JobId id, JobStatus.Waiting status) {}
}
