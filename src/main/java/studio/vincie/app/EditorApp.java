package studio.vincie.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application: wires controller, model and views. */
public final class EditorApp extends Application {

    static void launchEditor(String[] args) {
        Application.launch(EditorApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Vincie Studio");
        stage.setScene(new Scene(new Label("Vincie Studio"), 1200, 800));
        stage.show();
    }
}
