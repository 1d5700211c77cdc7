package io.gantry.itests.support;

import org.openqa.selenium.By;

/** What browser tests do with the HMI's page: log in, open a pipeline, read a drawn node's state. */
public final class HmiPage {
    private final Browser browser;

    public HmiPage(Browser browser) {
        this.browser = browser;
    }

    /** Logs in through the form's token mode and waits until the page and its event stream are live. */
    public void logInWithToken(String token) {
        browser.until("the login view", d -> browser.byTestId("view-login").isDisplayed());
        browser.click("login-mode-token");
        browser.byTestId("login-token").sendKeys(token);
        browser.click("login-submit");
        browser.until(
                "the HMI started",
                d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        browser.until(
                "the event stream live",
                d -> "live".equals(browser.byTestId("stream-status").getDomAttribute("data-state")));
    }

    /**
     * Opens a stored pipeline from the list, once it is listed, and waits for its version. It clicks
     * once: a second click while the first load is in flight would load the pipeline again after the
     * wait ends, and that late load puts back the stored layout under whatever the test does next.
     */
    public void openPipeline(String name, String banner) {
        boolean[] clicked = {false};
        browser.until(name + " opened", d -> {
            if (!clicked[0]) {
                d.findElements(By.cssSelector("[data-testid=pipeline-item]")).stream()
                        .filter(item -> item.getText().contains(name))
                        .findFirst()
                        .ifPresent(item -> {
                            item.click();
                            clicked[0] = true;
                        });
            }
            return browser.byTestId("version-banner").getText().equals(banner)
                    && name.equals(
                            browser.js("return window.gantryHmi.editor.model && window.gantryHmi.editor.model.name"));
        });
    }

    /** @return whether the drawn box of that node has the class (st-succeeded, branch-taken, …) */
    public boolean hasClass(String node, String cls) {
        return Boolean.TRUE.equals(browser.js(
                "return window.gantryHmi.editor.cy.getElementById('n|' + arguments[0]).hasClass(arguments[1])",
                node,
                cls));
    }

    /** @return the label drawn on that node's box */
    public String label(String node) {
        return String.valueOf(browser.js(
                "return window.gantryHmi.editor.cy.getElementById('n|' + arguments[0]).data('label')", node));
    }

    /** Clicks a node's box where it is drawn. */
    public void clickBox(String node) {
        java.util.Map<?, ?> at =
                (java.util.Map<?, ?>) browser.js("return window.gantryHmi.editor.renderedPosition(arguments[0])", node);
        browser.clickAt(
                browser.byTestId("graph"), ((Number) at.get("x")).doubleValue(), ((Number) at.get("y")).doubleValue());
    }

    /** @return how many node boxes are drawn */
    public long boxes() {
        return ((Number) browser.js("return window.gantryHmi.editor.cy.nodes('.box').length")).longValue();
    }
}
