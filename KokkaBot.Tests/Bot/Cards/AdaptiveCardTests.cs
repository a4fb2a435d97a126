using System.Text.Json.Nodes;
using KokkaBot.Bot;
using KokkaBot.Bot.Cards;
using KokkaBot.Bot.Schema;

namespace KokkaBot.Tests.Bot.Cards;

/// <summary>The JSON our Adaptive Card records produce, property by property, as the 1.5 schema names them.</summary>
public class AdaptiveCardTests
{
    private static JsonNode Json(AdaptiveCard card) => JsonNode.Parse(card.ToJson().GetRawText())!;

    private static JsonObject Only(JsonNode? array) => Assert.IsType<JsonObject>(Assert.Single(Assert.IsType<JsonArray>(array)));

    private static string[] Names(JsonNode? node) => Assert.IsType<JsonObject>(node).Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void An_empty_card_has_type_schema_version_1_5_and_an_empty_body_and_nothing_else()
    {
        var json = Json(new AdaptiveCard());

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "type": "AdaptiveCard", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "version": "1.5", "body": [] }
            """), json), json.ToJsonString());
        Assert.Equal("type", json.AsObject().First().Key);
    }

    [Fact]
    public void Rtl_lang_and_fallback_text_are_written_when_set()
    {
        var json = Json(new AdaptiveCard { Rtl = true, Lang = "ar", FallbackText = "fallback", Speak = "speak" });

        Assert.True(json["rtl"]!.GetValue<bool>());
        Assert.Equal("ar", json["lang"]!.GetValue<string>());
        Assert.Equal("fallback", json["fallbackText"]!.GetValue<string>());
        Assert.Equal("speak", json["speak"]!.GetValue<string>());
    }

    [Fact]
    public void A_text_block_wraps_by_default_and_leaves_out_what_is_not_set()
    {
        var block = Only(Json(new AdaptiveCard { Body = [new TextBlock("Hei")] })["body"]);

        Assert.Equal(["text", "type", "wrap"], Names(block));
        Assert.Equal("TextBlock", block["type"]!.GetValue<string>());
        Assert.Equal("Hei", block["text"]!.GetValue<string>());
        Assert.True(block["wrap"]!.GetValue<bool>());
    }

    [Fact]
    public void A_text_block_writes_its_styles_in_camel_case()
    {
        var block = Only(Json(new AdaptiveCard
        {
            Body =
            [
                new TextBlock("Otsikko")
                {
                    Wrap = false,
                    Size = TextSize.ExtraLarge,
                    Weight = TextWeight.Bolder,
                    Color = TextColor.Attention,
                    IsSubtle = true,
                    HorizontalAlignment = HorizontalAlignment.Center,
                    MaxLines = 2,
                    Style = TextBlockStyle.Heading,
                    Id = "title",
                    Spacing = Spacing.Medium,
                    Separator = true,
                },
            ],
        })["body"]);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {
              "type": "TextBlock", "text": "Otsikko", "wrap": false, "size": "extraLarge", "weight": "bolder",
              "color": "attention", "isSubtle": true, "horizontalAlignment": "center", "maxLines": 2, "style": "heading",
              "id": "title", "spacing": "medium", "separator": true
            }
            """), block), block.ToJsonString());
    }

    [Fact]
    public void A_fact_set_has_title_value_facts()
    {
        var set = Only(Json(new AdaptiveCard { Body = [new FactSet([new Fact("Kurssi", "Kemia 1"), new Fact("Alkaa", "1.9.")])] })["body"]);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "type": "FactSet", "facts": [ { "title": "Kurssi", "value": "Kemia 1" }, { "title": "Alkaa", "value": "1.9." } ] }
            """), set), set.ToJsonString());
    }

    [Fact]
    public void An_image_has_url_alt_text_size_and_style()
    {
        var image = Only(Json(new AdaptiveCard
        {
            Body = [new Image("https://example.fi/logo.png") { AltText = "Logo", Size = ImageSize.Small, Style = ImageStyle.Person, HorizontalAlignment = HorizontalAlignment.Right }],
        })["body"]);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "type": "Image", "url": "https://example.fi/logo.png", "altText": "Logo", "size": "small", "style": "person", "horizontalAlignment": "right" }
            """), image), image.ToJsonString());
    }

    [Fact]
    public void Containers_and_columns_nest_elements_with_style_width_and_rtl()
    {
        var body = Json(new AdaptiveCard
        {
            Body =
            [
                new Container([new TextBlock("a")]) { Style = ContainerStyle.Emphasis, Rtl = true },
                new ColumnSet(
                [
                    new Column([new TextBlock("b")]) { Width = ColumnWidth.Auto },
                    new Column([new TextBlock("c")]) { Width = ColumnWidth.Stretch, Rtl = false },
                    new Column([new TextBlock("d")]) { Width = ColumnWidth.Weight(2), Style = ContainerStyle.Good },
                    new Column([new TextBlock("e")]) { Width = ColumnWidth.Pixels(80) },
                    new Column([]),
                ]),
            ],
        })["body"]!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            [
              { "type": "Container", "items": [ { "type": "TextBlock", "text": "a", "wrap": true } ], "style": "emphasis", "rtl": true },
              {
                "type": "ColumnSet",
                "columns": [
                  { "type": "Column", "items": [ { "type": "TextBlock", "text": "b", "wrap": true } ], "width": "auto" },
                  { "type": "Column", "items": [ { "type": "TextBlock", "text": "c", "wrap": true } ], "width": "stretch", "rtl": false },
                  { "type": "Column", "items": [ { "type": "TextBlock", "text": "d", "wrap": true } ], "width": 2, "style": "good" },
                  { "type": "Column", "items": [ { "type": "TextBlock", "text": "e", "wrap": true } ], "width": "80px" },
                  { "type": "Column", "items": [] }
                ]
              }
            ]
            """), body), body.ToJsonString());
    }

    [Fact]
    public void Column_widths_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ColumnWidth.Weight(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ColumnWidth.Pixels(-1));
    }

    [Fact]
    public void Open_url_and_submit_actions_at_the_foot_and_in_an_action_set()
    {
        var json = Json(new AdaptiveCard
        {
            Body = [new ActionSet([new OpenUrlAction("Avaa", "https://example.fi/") { Style = ActionStyle.Positive }])],
            Actions =
            [
                new OpenUrlAction("Kurssisivu", "https://example.fi/kurssi"),
                SubmitAction.For("Ilmoittaudu", "enroll", new Dictionary<string, string> { ["course"] = "KE1" }),
                new SubmitAction("Tyhjä") { Id = "empty", Style = ActionStyle.Destructive },
            ],
        });

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            [ { "type": "ActionSet", "actions": [ { "type": "Action.OpenUrl", "title": "Avaa", "url": "https://example.fi/", "style": "positive" } ] } ]
            """), json["body"]), json["body"]!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            [
              { "type": "Action.OpenUrl", "title": "Kurssisivu", "url": "https://example.fi/kurssi" },
              { "type": "Action.Submit", "title": "Ilmoittaudu", "data": { "action": "enroll", "course": "KE1" } },
              { "type": "Action.Submit", "title": "Tyhjä", "id": "empty", "style": "destructive" }
            ]
            """), json["actions"]), json["actions"]!.ToJsonString());
    }

    [Fact]
    public void A_submit_for_teams_adds_a_message_back_that_shows_text_and_repeats_the_data()
    {
        var action = SubmitAction.For("Ilmoittaudu", "enroll", new Dictionary<string, string> { ["course"] = "KE1" })
            .WithTeamsMessageBack("ilmoittaudu KE1", "Ilmoittaudun kurssille KE1");

        var data = JsonNode.Parse(action.Data!.Value.GetRawText())!;

        Assert.Equal("enroll", data["action"]!.GetValue<string>());
        Assert.Equal("KE1", data["course"]!.GetValue<string>());
        var teams = data["msteams"]!;
        Assert.Equal(["displayText", "text", "type", "value"], Names(teams));
        Assert.Equal("messageBack", teams["type"]!.GetValue<string>());
        Assert.Equal("ilmoittaudu KE1", teams["text"]!.GetValue<string>());
        Assert.Equal("Ilmoittaudun kurssille KE1", teams["displayText"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "action": "enroll", "course": "KE1" }"""), JsonNode.Parse(teams["value"]!.GetValue<string>())));
    }

    [Fact]
    public void A_teams_message_back_shows_its_text_when_no_display_text_is_given_and_can_be_set_again()
    {
        var action = new SubmitAction("OK").WithTeamsMessageBack("first").WithTeamsMessageBack("ok");

        var teams = JsonNode.Parse(action.Data!.Value.GetRawText())!["msteams"]!;

        Assert.Equal("ok", teams["displayText"]!.GetValue<string>());
        Assert.Equal("{}", teams["value"]!.GetValue<string>());
    }

    [Fact]
    public void A_teams_message_back_needs_object_data()
    {
        var action = new SubmitAction("x") { Data = BotJson.ToElement("plain") };

        Assert.Throws<InvalidOperationException>(() => action.WithTeamsMessageBack("x"));
    }

    [Fact]
    public void Submit_data_reserves_action_and_msteams()
    {
        Assert.Throws<ArgumentException>(() => CardSubmit.Data("a", new Dictionary<string, string> { ["msteams"] = "x" }));
        Assert.Throws<ArgumentException>(() => CardSubmit.Data("a", new Dictionary<string, string> { ["action"] = "x" }));
    }

    [Fact]
    public void The_attachment_is_an_adaptive_card_with_the_json_as_content()
    {
        var card = new AdaptiveCard { Body = [new TextBlock("Hei")] };

        var attachment = card.ToAttachment();

        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        Assert.Equal("AdaptiveCard", attachment.Content!.Value.GetProperty("type").GetString());
        Assert.Equal("Hei", attachment.Content.Value.GetProperty("body")[0].GetProperty("text").GetString());
    }

    [Fact]
    public void A_card_survives_a_round_trip_through_the_activity_serializer()
    {
        var card = new AdaptiveCard
        {
            Rtl = true,
            Lang = "ar",
            Body = [new TextBlock("مرحبا") { Size = TextSize.Large }, new FactSet([new Fact("ä", "\"quoted\" <b>")])],
            Actions = [new OpenUrlAction("Open", "https://example.fi/?a=1&b=2"), SubmitAction.For("Go", "go").WithTeamsMessageBack("go")],
        };
        var activity = MessageFactory.Attachment(card.ToAttachment(), "text");

        var read = BotJson.DeserializeActivity(BotJson.SerializeToUtf8Bytes(activity))!;

        var attachment = Assert.Single(read.Attachments!);
        Assert.Equal(ContentTypes.AdaptiveCard, attachment.ContentType);
        Assert.True(JsonNode.DeepEquals(Json(card), JsonNode.Parse(attachment.Content!.Value.GetRawText())));
        Assert.Equal("text", read.Text);
    }

    [Fact]
    public void A_carousel_lays_cards_side_by_side()
    {
        var activity = MessageFactory.Carousel([new AdaptiveCard().ToAttachment(), new HeroCard { Title = "b" }.ToAttachment()], "Valitse");

        Assert.Equal("carousel", activity.AttachmentLayout);
        Assert.Equal([ContentTypes.AdaptiveCard, ContentTypes.HeroCard], activity.Attachments!.Select(a => a.ContentType));
        Assert.Equal("Valitse", activity.Text);
        Assert.Equal(ActivityTypes.Message, activity.Type);
    }
}
