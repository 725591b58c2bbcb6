package dev.reelwright.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.spi.ScenePlanner;
import dev.reelwright.providers.spi.VendorContext;
import dev.reelwright.providers.spi.VendorModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Anthropic: the Claude planner through the Messages API with forced tool use. Key in {@code ANTHROPIC_API_KEY}. */
public final class AnthropicModule implements VendorModule {
    @Override
    public String vendor() {
        return AnthropicErrors.VENDOR;
    }

    @Override
    public String description() {
        return "Anthropic: Claude planner (Messages API, forced tool use)";
    }

    @Override
    public String keyVariable() {
        return AnthropicClient.KEY_VARIABLE;
    }

    @Override
    public String defaultBaseUrl() {
        return "https://api.anthropic.com";
    }

    @Override
    public Optional<ScenePlanner> planner(ModelEntry model, VendorContext context) {
        if (!serves(model, "planner")) return Optional.empty();
        return Optional.of(new AnthropicPlanner(model, new AnthropicClient(context, baseUrl(context))));
    }

    /** {@code GET /v1/models}: free and authenticated (a message with max_tokens 1 would cost tokens). */
    @Override
    public String check(VendorContext context) {
        AnthropicClient client = new AnthropicClient(context, baseUrl(context));
        List<String> ids = new ArrayList<>();
        for (JsonNode model : client.models(100).path("data")) ids.add(model.path("id").asText());
        String some = String.join(", ", ids.subList(0, Math.min(3, ids.size()))) + (ids.size() > 3 ? ", …" : "");
        return client.base() + " answered: " + ids.size() + " models" + (ids.isEmpty() ? "" : " (" + some + ")");
    }

    @Override
    public List<String> seams() {
        return List.of("planner");
    }
}
