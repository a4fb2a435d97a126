using System.Text.Json;
using System.Text.Json.Nodes;
using KokkaBot.Bot.Schema;

namespace KokkaBot.Tests.Schema;

public class ActivitySerializationTests
{
    // A Teams message with fields this model names, fields it does not, and channel payloads.
    private const string TeamsMessage = """
        {
          "type": "message",
          "id": "1732700000000",
          "timestamp": "2026-11-27T10:00:00.1234567Z",
          "localTimestamp": "2026-11-27T12:00:00.123+02:00",
          "localTimezone": "Europe/Helsinki",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "channelId": "msteams",
          "from": { "id": "29:1abc", "name": "Ana", "aadObjectId": "00000000-0000-0000-0000-000000000001", "userPrincipalName": "ana@example.fi" },
          "conversation": { "id": "a:1xyz", "conversationType": "personal", "tenantId": "tenant-1" },
          "recipient": { "id": "28:bot-app-id", "name": "KokkaBot" },
          "text": "hei",
          "textFormat": "plain",
          "locale": "fi-FI",
          "inputHint": "acceptingInput",
          "entities": [ { "type": "clientInfo", "locale": "fi-FI", "country": "FI", "platform": "Web", "timezone": "Europe/Helsinki" } ],
          "channelData": { "tenant": { "id": "tenant-1" }, "source": { "name": "message" }, "legacy": [1, 2, { "deep": true }] },
          "attachments": [ { "contentType": "application/vnd.microsoft.card.adaptive", "content": { "type": "AdaptiveCard", "version": "1.5", "body": [] }, "futureField": 7 } ],
          "value": { "choice": "kotka", "n": 1.5 },
          "suggestedActions": { "actions": [ { "type": "imBack", "title": "Kotka", "value": "Kotka", "x-extra": "kept" } ] },
          "someFutureField": { "nested": ["a", "b"] },
          "anotherOne": 42
        }
        """;

    [Fact]
    public void A_round_trip_keeps_every_field_including_unknown_ones()
    {
        var activity = BotJson.DeserializeActivity(System.Text.Encoding.UTF8.GetBytes(TeamsMessage))!;
        var written = BotJson.Serialize(activity);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(TeamsMessage), JsonNode.Parse(written)), written);
    }

    [Fact]
    public void Named_fields_are_typed_and_channel_payloads_stay_raw_json()
    {
        var activity = BotJson.DeserializeActivity(System.Text.Encoding.UTF8.GetBytes(TeamsMessage))!;

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("a:1xyz", activity.Conversation!.Id);
        Assert.Equal(InputHints.AcceptingInput, activity.InputHint);
        Assert.Equal(TimeSpan.FromHours(2), activity.LocalTimestamp!.Value.Offset);
        Assert.Equal(JsonValueKind.Object, activity.ChannelData!.Value.ValueKind);
        Assert.Equal("kotka", activity.Value!.Value.GetProperty("choice").GetString());
        Assert.Equal("clientInfo", activity.Entities![0].GetProperty("type").GetString());
        Assert.Equal("1.5", activity.Attachments![0].Content!.Value.GetProperty("version").GetString());
        Assert.True(activity.Properties!.ContainsKey("someFutureField"));
        Assert.Equal("ana@example.fi", activity.From!.Properties!["userPrincipalName"].GetString());
    }

    [Fact]
    public void Timestamps_are_written_in_utc_with_z_and_local_timestamps_keep_their_offset()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Timestamp = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.FromHours(2)),
            LocalTimestamp = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.FromHours(2)),
        };

        var json = JsonNode.Parse(BotJson.Serialize(activity))!;

        Assert.Equal("2026-11-27T10:00:00.0000000Z", json["timestamp"]!.GetValue<string>());
        Assert.Equal("2026-11-27T12:00:00+02:00", json["localTimestamp"]!.GetValue<string>());
    }

    [Fact]
    public void Null_fields_are_left_out_and_names_are_camel_case()
    {
        var json = BotJson.Serialize(new Activity { Type = ActivityTypes.Message, Text = "hi", InputHint = InputHints.ExpectingInput });

        Assert.Equal("""{"type":"message","text":"hi","inputHint":"expectingInput"}""", json);
    }

    [Theory]
    [InlineData("""{"type":"message","text":5}""")]
    [InlineData("""{"type":"message","conversation":"c1"}""")]
    [InlineData("""{"type":"message","membersAdded":{"id":"x"}}""")]
    [InlineData("""{"type":"message","timestamp":"yesterday"}""")]
    public void Wrong_field_types_are_rejected(string json) =>
        Assert.ThrowsAny<JsonException>(() => BotJson.DeserializeActivity(System.Text.Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void A_reply_swaps_sender_and_recipient_and_threads_to_the_activity()
    {
        var incoming = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "in-1",
            ChannelId = "emulator",
            From = new ChannelAccount { Id = "user" },
            Recipient = new ChannelAccount { Id = "bot" },
            Conversation = new ConversationAccount { Id = "c1" },
            Locale = "fi-FI",
        };

        var reply = incoming.CreateReply("hei");

        Assert.Equal(("bot", "user", "in-1", "c1", "fi-FI"), (reply.From!.Id, reply.Recipient!.Id, reply.ReplyToId, reply.Conversation!.Id, reply.Locale));
    }
}
