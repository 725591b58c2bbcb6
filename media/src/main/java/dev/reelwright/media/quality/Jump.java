package dev.reelwright.media.quality;

import java.util.List;

/**
 * Something that was at {@code from} in the previous frame is at {@code to} in this one (working pixels, this frame's
 * coordinates), further than the flow could follow; {@code members} are the blobs of unexplained change it accounts
 * for, {@code correlation} how well the landed patch matches the one it left.
 */
record Jump(double fromX, double fromY, double toX, double toY, double distance, double correlation, List<ChangeBlob> members) {
    /** Whether this blob of the frame is part of the jump (the blobs of the place left and the place landed). */
    boolean involves(ChangeBlob blob) {
        for (ChangeBlob member : members) if (member == blob) return true;
        return false;
    }
}
