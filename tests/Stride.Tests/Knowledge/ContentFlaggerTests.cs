using Stride.Knowledge;

namespace Stride.Tests.Knowledge;

/// <summary>The text checks behind the importers' flags and lint's text codes, on small texts written for the tests.</summary>
public sealed class ContentFlaggerTests
{
    [Theory]
    [InlineData("For a quick appointment call 555-123-4567 and ask for the back clinic.", "555-123-4567")]
    [InlineData("Ring (206) 555 0100 to see a physio this week.", "(206) 555 0100")]
    [InlineData("Phone 0800 123 4567 for a chat about your back.", "0800 123 4567")]
    [InlineData("Overseas patients can dial +44 20 7946 0958.", "+44 20 7946 0958")]
    [InlineData("Get 20% off your first massage this month.", "20% off")]
    [InlineData("Use the discount code BACK10 at checkout.", "discount code")]
    [InlineData("Ask for a free consultation with a spine expert.", "free consultation")]
    [InlineData("Spaces fill fast, so book now.", "book now")]
    public void Adverts_with_a_number_to_call_or_a_discount_are_promotional(string text, string advert)
    {
        Assert.True(ContentFlagger.IsPromotional(text));
        Assert.Equal(advert, ContentFlagger.FirstPromotion(text));
    }

    [Theory]
    [InlineData("Seek urgent care: call 999 in the UK or 911 in the US.")]
    [InlineData("Ask for an urgent GP appointment, or call NHS 111.")]
    [InlineData("In the UK, call Samaritans free on 116 123. In the US, call or text 988.")]
    [InlineData("In much of Europe the emergency number is 112.")]
    [InlineData("Older pages give the US crisis line as 1-800-273-8255.")]
    [InlineData("Walk for 20-30 minutes, 3 to 5 times a week, from 2024-01-15 on; 80% of people get better.")]
    [InlineData("See the trial at https://doi.org/10.1016/S0140-6736(24)01015-3 for details.")]
    [InlineData("To find a library near you, call the National Library toll-free at 888-555-0142.")]
    [InlineData("Ask the Arthritis Foundation at 1-800-555-0199 about exercise classes.")]
    [InlineData("Quit Line Centre  12 High Street  Leeds  0113 496 0000  quit@example.gov")]
    [InlineData("Your health care team can help you plan your meals.")]
    public void Help_lines_figures_and_dates_are_not_promotional(string text)
    {
        Assert.Null(ContentFlagger.FirstPromotion(text));
    }

    [Theory]
    [InlineData("Rest for a day. ... Then walk a little more each day.", "day. ... Then")]
    [InlineData("- Tight hip muscles. ...\n- Weak tummy muscles.", "- Tight hip muscles. ... - Weak tummy muscles.")]
    [InlineData("Gentle walks help… most people feel better in a few weeks, and nearly all within a few months.", "walks help… most")]
    public void An_ellipsis_with_more_text_after_it_is_text_left_out(string text, string shown)
    {
        Assert.Contains(shown, ContentFlagger.FirstMidEllipsis(text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Walking helps most people with a sore back.")]
    [InlineData("The answer stops here...")]
    [InlineData("It stops here too… ")]
    public void Text_without_an_ellipsis_in_the_middle_has_none(string text)
    {
        Assert.Null(ContentFlagger.FirstMidEllipsis(text));
    }

    [Theory]
    [InlineData("Back pain has many causes, including any of these:", "Back pain has many causes, including any of these:")]
    [InlineData("Good shoes help.\n\nLook for things such as:", "Look for things such as:")]
    [InlineData("Your doctor may order the following:\n\n## When to worry\nSeek help if both legs go weak.", "Your doctor may order the following:")]
    [InlineData("Common signs include:\nWhat should I do next?", "Common signs include:")]
    public void A_list_announced_with_a_colon_and_never_given_is_found(string text, string line)
    {
        Assert.Equal(line, ContentFlagger.FirstUnfinishedList(text));
    }

    [Theory]
    [InlineData("Things that may help include:\n\n- short walks.\n- a warm bath.")]
    [InlineData("Common signs include:\n- pain down one leg.\n\nWhat should I do? Keep walking gently.")]
    [InlineData("One tip: slow down on hills.")]
    public void A_colon_followed_by_its_list_or_text_is_fine(string text)
    {
        Assert.Null(ContentFlagger.FirstUnfinishedList(text));
    }

    [Theory]
    [InlineData("How to Stop Pain When WalkingKeep your head up.", "WalkingKeep")]
    [InlineData("It eases the painBack exercises help too.", "painBack")]
    [InlineData("Watch on YouTubeYouTube today.", "YouTubeYouTube")]
    [InlineData("See Health TopicsHow to cope with pain.", "TopicsHow")]
    [InlineData("There is no cure forSCA yet.", "forSCA")]
    public void A_small_letter_followed_by_a_capital_is_two_words_run_together(string text, string word)
    {
        Assert.Equal(word, ContentFlagger.FirstRunTogetherWord(text));
    }

    [Theory]
    [InlineData("Set a reminder on your iPhone or iPad.")]
    [InlineData("A McKenzie physio, who may have a PhD, can show you on YouTube.")]
    [InlineData("Shop at the eShop; the WalkBack trial and McGill's exercises are in PubMed.")]
    [InlineData("Read https://example.org/BackPain/WalkingGuide or mail info@BackClinic.example.")]
    [InlineData("Doctors may give tPA, check HbA1c, use BiPAP at night or test IgG4 and mRNA levels.")]
    public void Known_mixed_case_words_and_links_are_not_run_together(string text)
    {
        Assert.Null(ContentFlagger.FirstRunTogetherWord(text));
    }
}
