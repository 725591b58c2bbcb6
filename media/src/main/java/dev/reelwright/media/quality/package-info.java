/**
 * The quality filter: {@link dev.reelwright.media.quality.OpenCvQualityInspector} scores generated clips for the
 * known generation artifacts with classical computer vision only (OpenCV, Tesseract; nothing to download).
 *
 * <p>One pass per clip. {@code FrameStream} decodes on its own thread straight to a small working size (long side
 * 384) plus, every third frame, a larger detail frame (long side up to 640). {@code ClipAnalysis} runs the shared
 * stages on every frame: {@code MotionAnalyzer} (DIS optical flow, camera fit, warp, regional brightness, the
 * residual nothing explains and its blobs, scene cuts), {@code TextRegions} (text lines) and {@code JumpMatcher}
 * (blobs that are one object in two places), then one {@code Detector} per artifact. Heavy work on detail frames
 * (segmentation for morphing, OCR) runs on a worker thread. Only a short {@code FrameHistory} is kept. Subject drift
 * compares every third frame's colours with the reference image ({@code SubjectReference}, registered with ORB) or
 * the clip's opening, following the camera ({@code SubjectDriftDetector}, {@code ColourPicture}).
 *
 * <p>Every detector turns its badness into a score with {@code Scores.fromBadness}, which is 0.5 exactly at the
 * detector's tuned critical badness, so the default threshold is 0.5 for every artifact.
 *
 * <p>{@link dev.reelwright.media.quality.QualityTestSet} generates the labelled clips (clean, hard negatives, each
 * artifact at three strengths) and {@link dev.reelwright.media.quality.QualityBench} measures AUC, recall, false
 * rejection and speed on them.
 */
package dev.reelwright.media.quality;
