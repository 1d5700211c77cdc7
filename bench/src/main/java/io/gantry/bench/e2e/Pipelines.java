package io.gantry.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;

/** Storing pipelines and running them over REST, failing loudly on anything but success. */
final class Pipelines {
    static final String RUN_BODY = "{\"inputs\":{}}";

    private final Api api;

    Pipelines(Api api) {
        this.api = api;
    }

    /** @return the stored pipeline's id */
    String create(String json) {
        return Api.expect(api.post("/api/pipelines", json), 201).path("id").asText();
    }

    /**
     * Stores the 10-node pipeline of the brief (constant → 9 adds), or the all-adds chain when the
     * controller refuses the constant's json output on a number input (422).
     *
     * @param name the pipeline's name, different for each benchmark in case the controller derives ids from names
     * @return the stored pipeline's id
     */
    String createTenNodes(String name) {
        HttpResponse<String> answer = api.post("/api/pipelines", PipelineJson.constantThenAdds(name));
        if (answer.statusCode() == 422) {
            System.out.println("  (core.constant → core.add refused with 422; using 10 × core.add)");
            return create(PipelineJson.addsOnly(name));
        }
        return Api.expect(answer, 201).path("id").asText();
    }

    static String executionsPath(String pipelineId, boolean wait) {
        return "/api/pipelines/" + pipelineId + "/executions" + (wait ? "?wait=true" : "");
    }

    /** @return the finished execution */
    JsonNode runAndWait(String pipelineId) {
        JsonNode execution = Api.expect(api.post(executionsPath(pipelineId, true), RUN_BODY), 200);
        if (!"SUCCEEDED".equals(execution.path("status").asText())) {
            throw new IllegalStateException("execution of " + pipelineId + " did not succeed: " + execution);
        }
        return execution;
    }

    /** Starts a run without waiting for it (202), for load that must not be paced by the runs. */
    void startAsync(String pipelineId) {
        api.postAsync(executionsPath(pipelineId, false), RUN_BODY);
    }
}
