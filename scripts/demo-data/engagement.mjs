// Likes, shares and replies: grow with the author's audience, with the heat of the moment and with
// how shareable the post is (memes travel, support replies don't).

const STAGE_MULT = {
  baseline: 1,
  onset: 1.6,
  spike: 2.2,
  peak: 3,
  statement: 2.7,
  fix: 2.1,
  recovery1: 1.4,
  recovery2: 1,
};
// prettier-ignore
const CATEGORY_MULT = { meme: 2.2, sarcasm: 1.7, campaign: 1.1, journalist: 1.6, official: 1.5, harass: 0.6, abuse: 0.5, threat: 0.5, dox: 0.9, savReply: 0.15, question: 0.4, report: 0.8, promo: 0.7 };

export function createEngagement(r) {
  const count = (mean) =>
    mean < 30 ? r.poisson(mean) : Math.max(0, Math.round(mean * Math.exp(0.35 * r.normal())));

  return function engagement(platform, followers, stage, category, { boost = 1, redditPost = false } = {}) {
    const viral = boost === 1 && r.chance(0.012) ? r.uniform(8, 25) : 1;
    const m = STAGE_MULT[stage] * (CATEGORY_MULT[category] ?? 1) * boost * viral;
    const noise = Math.min(3, Math.exp(0.8 * r.normal()));
    const angry = ['anger', 'abuse', 'harass', 'threat', 'dox', 'boycott'].includes(category) ? 0.6 : 0;
    switch (platform) {
      case 'x':
      case 'mastodon':
      case 'bluesky':
      case 'facebook': {
        const pf = { x: 1, mastodon: 0.45, bluesky: 0.7, facebook: 0.8 }[platform];
        const likes = count((0.3 + 0.03 * (followers ?? 100) ** 0.75) * m * pf * noise);
        const shares = count(likes * r.uniform(0.06, 0.35));
        const talkBack =
          category === 'official' && stage !== 'baseline' ? r.uniform(0.3, 1.1) : r.uniform(0.03, 0.2);
        return { likes, shares, replies: count(likes * talkBack + angry) };
      }
      case 'youtube': {
        const likes = count((0.8 + 0.02 * (followers ?? 0) ** 0.7) * m * noise);
        return { likes, shares: 0, replies: count(likes * 0.08) };
      }
      case 'reddit': {
        const likes = Math.floor((redditPost ? 30 : 3) * m * noise);
        return {
          likes,
          shares: 0,
          replies: redditPost ? count(likes * r.uniform(0.2, 0.8)) : count(0.3 + likes * 0.05),
        };
      }
      case 'reviews':
        return { likes: count(0.5 * m * noise), shares: 0, replies: 0 };
      default:
        return { likes: 0, shares: 0, replies: 0 };
    }
  };
}
