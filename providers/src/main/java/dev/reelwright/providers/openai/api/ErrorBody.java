package dev.reelwright.providers.openai.api;

/** {@code {"error":{"message","type","param","code"}}}, the error envelope of every OpenAI endpoint; any field may be null. */
public record ErrorBody(Detail error) {
    public record Detail(String message, String type, String param, String code) {}
}
