package io.heapscope.app.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * The commands' JSON: pretty-printed and ending with a newline like every other line a command prints. Closing the
 * generator leaves the command's writer open (Jackson would close it, and later output would vanish).
 */
final class JsonOutput {
    private JsonOutput() {
    }

    static JsonGenerator open(PrintWriter out) throws IOException {
        JsonGenerator generator = new JsonFactory().createGenerator(out)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .useDefaultPrettyPrinter();
        return new JsonGeneratorDelegate(generator, false) {
            @Override
            public void close() throws IOException {
                super.close();
                out.println();
                out.flush();
            }
        };
    }
}
