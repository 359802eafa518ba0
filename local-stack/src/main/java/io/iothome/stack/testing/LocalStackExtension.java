package io.iothome.stack.testing;

import io.iothome.stack.StackEndpoints;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class the build's shared stack ({@link StackEndpoints}) and a {@link TestNamespace}
 * of its own, by parameter (constructor, lifecycle or test methods).
 *
 * <pre>
 * &#64;ExtendWith(LocalStackExtension.class)
 * class SomethingIntegrationTest {
 *     SomethingIntegrationTest(TestNamespace namespace) { ... }
 * }
 * </pre>
 */
public final class LocalStackExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace STORE =
            ExtensionContext.Namespace.create(LocalStackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        namespace(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == StackEndpoints.class || type == TestNamespace.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == StackEndpoints.class) {
            return SharedTestStack.endpoints();
        }
        return namespace(context);
    }

    /** One namespace per test class, closed when the class is done. */
    private static TestNamespace namespace(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext
                .getStore(STORE)
                .getOrComputeIfAbsent(
                        "namespace",
                        key ->
                                new ClosableNamespace(
                                        new TestNamespace(SharedTestStack.endpoints())),
                        ClosableNamespace.class)
                .namespace();
    }

    /** Closes the namespace's clients when JUnit drops the class's store. */
    private record ClosableNamespace(TestNamespace namespace)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            namespace.close();
        }
    }
}
