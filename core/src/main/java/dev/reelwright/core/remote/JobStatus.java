package dev.reelwright.core.remote;

import dev.reelwright.core.error.VendorException;
import java.net.URI;
import java.util.List;

/** Where a vendor's job stands. Terminal states end the poll loop. */
public sealed interface JobStatus {
    boolean terminal();

    /** Queued or running; {@code progress} in [0,1], or -1 when the vendor does not say. */
    record Waiting(String state, double progress) implements JobStatus {
        public boolean terminal() {
            return false;
        }
    }

    /** Finished; {@code outputs} are the result files to download (https: or data: URIs). */
    record Succeeded(List<URI> outputs) implements JobStatus {
        public Succeeded {
            outputs = List.copyOf(outputs);
            if (outputs.isEmpty()) throw new IllegalArgumentException("a finished job needs an output");
        }

        public boolean terminal() {
            return true;
        }
    }

    record Failed(VendorException error) implements JobStatus {
        public boolean terminal() {
            return true;
        }
    }

    record Cancelled(String reason) implements JobStatus {
        public boolean terminal() {
            return true;
        }
    }
}
