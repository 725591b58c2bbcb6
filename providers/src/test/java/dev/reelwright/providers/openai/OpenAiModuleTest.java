package dev.reelwright.providers.openai;

import static dev.reelwright.providers.openai.OpenAiFixture.error;
import static dev.reelwright.providers.openai.OpenAiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelwright.core.error.InputException;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.model.ProviderSettings;
import dev.reelwright.providers.http.VendorHttp;
import dev.reelwright.providers.spi.VendorContext;
import dev.reelwright.providers.testing.TestContexts;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiModuleTest {
    private final OpenAiFixture fake = new OpenAiFixture();
    private final OpenAiModule module = new OpenAiModule();

    @AfterEach
    void tearDown() {
        fake.close();
    }

    @Test
    void checkListsModelsWithTheKeyAndNamesCatalogModelsTheServerLacks() {
        fake.server.on("GET", "/v1/models", json(200, """
                {"object":"list","data":[
                  {"id":"gpt-4o","object":"model","created":1715367049,"owned_by":"system"},
                  {"id":"gpt-4o-mini-tts","object":"model","created":1742403959,"owned_by":"system"},
                  {"id":"whisper-1","object":"model","created":1677532384,"owned_by":"openai-internal"}]}"""));

        String answer = module.check(fake.context());

        assertThat(answer).contains("3 models").contains("not listed: sora-2, sora-2-pro");
        assertThat(fake.server.requests("GET", "/v1/models").getFirst().header("authorization")).isEqualTo("Bearer " + OpenAiFixture.KEY);
    }

    @Test
    void checkWithABadKeyNamesTheConfiguredVariable() {
        fake.server.on("GET", "/v1/models", error(401, "Incorrect API key provided: sk-wrong. You can find your API key at ...",
                "invalid_request_error", null, "invalid_api_key"));
        VendorContext context = new VendorContext(Map.of("MY_OPENAI", "sk-wrong-123456"),
                Map.of("openai", new ProviderSettings(fake.server.baseUrl() + "/v1", "MY_OPENAI", null)), VendorHttp.defaultClient(),
                fake.time, fake.time, RandomGenerator.of("L64X128MixRandom"), TestContexts.MAGIC_BYTES, fake.time);

        assertThatThrownBy(() -> module.check(context)).isInstanceOfSatisfying(VendorException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
            assertThat(e.getMessage()).contains("MY_OPENAI").doesNotContain("sk-wrong");
        });
    }

    @Test
    void withoutAKeyNothingIsSent() {
        VendorContext context = new VendorContext(Map.of(), Map.of("openai", new ProviderSettings(fake.server.baseUrl() + "/v1", null, null)),
                VendorHttp.defaultClient(), fake.time, fake.time, RandomGenerator.of("L64X128MixRandom"),
                TestContexts.MAGIC_BYTES, fake.time);
        assertThat(module.configured(context)).isFalse();
        assertThatThrownBy(() -> module.check(context)).isInstanceOf(InputException.class).hasMessageContaining("OPENAI_API_KEY");
        assertThat(fake.server.requests()).isEmpty();
    }

    @Test
    void baseUrlIsTheDocumentedDefaultUnlessSettingsOrEnvironmentSayOtherwise() {
        VendorContext bare = new VendorContext(Map.of(), Map.of(), VendorHttp.defaultClient(), fake.time, fake.time,
                RandomGenerator.of("L64X128MixRandom"), TestContexts.MAGIC_BYTES, null);
        assertThat(module.baseUrl(bare)).hasToString("https://api.openai.com/v1");
        VendorContext env = new VendorContext(Map.of("OPENAI_BASE_URL", "http://localhost:8000/v1/"), Map.of(),
                VendorHttp.defaultClient(), fake.time, fake.time, RandomGenerator.of("L64X128MixRandom"),
                TestContexts.MAGIC_BYTES, null);
        assertThat(module.baseUrl(env)).hasToString("http://localhost:8000/v1");
        assertThat(module.baseUrl(fake.context())).hasToString(fake.server.baseUrl() + "/v1");
    }

    @Test
    void servesEachSeamOnlyForItsOwnKindOfModel() {
        VendorContext context = fake.context();
        assertThat(module.planner(OpenAiFixture.entry("openai/gpt-4o"), context)).isPresent();
        assertThat(module.videos(OpenAiFixture.entry("openai/gpt-4o"), context)).isEmpty();
        assertThat(module.speech(OpenAiFixture.entry("openai/gpt-4o-mini-tts"), context)).isPresent();
        assertThat(module.transcriber(OpenAiFixture.entry("openai/whisper-1"), context)).isPresent();
        assertThat(module.videos(OpenAiFixture.entry("openai/sora-2"), context)).isPresent();
        assertThat(module.planner(OpenAiFixture.entry("anthropic/claude-sonnet-4-6"), context)).isEmpty();
        assertThat(module.speech(OpenAiFixture.entry("openai/gpt-4o-mini-tts"), context).orElseThrow().voices()).contains("alloy", "nova", "cedar");
        assertThat(module.seams()).containsExactly("planner", "speech", "transcription", "video");
    }
}
