// English post templates (expats, travellers, international tech crowd and press). Same slots as
// templates-fr.mjs.

export const EN = {
  question: [
    'Anyone in {city} on {O} fibre? Thinking of switching from {competitor}, is it {any good|reliable|worth it}?',
    '{o} hi, does the {plan} plan include {EU roaming|eSIM|5G} or is that extra?',
    'Moving to {city} {next month|in a few weeks}, {O} or {competitor} for fibre? {Expat here, French contracts confuse me|Any advice welcome}',
    '{o} how do I {change the wifi password|set up port forwarding|get an English invoice} on {the Ondabox|my box}?',
    'Is the {O} {customer service|app} available in English {at all|by any chance}?',
    '{o} my {SIM|box|router} says delivered but {nothing arrived|the parcel is nowhere}, what now?',
  ],
  positive: [
    '{Honestly|Gotta say} {O} fibre in {city} has been {rock solid|flawless|great} for {n2_12} months, {speed} {on ethernet|wired|over wifi}',
    'Switched from {competitor} to {O} and {ping dropped by half|no more evening slowdowns|saving €{priceSmall} a month}',
    '{O} tech came {this morning|today}, fibre installed in {under an hour|40 minutes}, {super friendly guy|very professional}',
    'Speedtest on {O} today: {speed} down, {up} up. {Not bad for the price|France wins again}',
    '{o} {thanks|cheers} for sorting my {billing issue|SIM swap} so fast',
  ],
  complaint: [
    '{o} been on hold for {25|40|55} minutes, {is anyone there?|classic}',
    '{o} charged twice this month and {still no refund|nobody answers my emails}',
    '{O} mobile data in {city} is {painfully slow|basically dead} every evening',
  ],
  neutral: [
    'Saw the new {O} ad {on the metro|on TV}, {the one with the dog|weird vibe|kinda catchy}',
    '{O} apparently {launching a new box|raising prices} {soon|next quarter}',
  ],
  report: [
    'Is {O} down for anyone else? {No internet|Box blinking red|Nothing loads} in {city}',
    '{o} no internet {for {dur}|since {dur} ago|at all} in {city}, box {blinking red|showing a red cross|stuck rebooting}',
    '{O} outage in {city} too. {Fibre|Internet} and {TV|landline} both gone',
    "Whole {O} network seems down, {outage maps are lit up|it's nationwide apparently|all of France?}",
    '{o} your status page says "{all systems operational|no incident}" {lol|seriously?}',
    'Can\'t even reach {O} support, {line just drops|"too many calls" message|it rings forever}',
    '{O} fibre dead here in {city}, {rebooted {n} times|already reset the box}, nothing',
    '{dur} without internet thanks to {o}, {any ETA?|any update??|hello?}',
    "Even {O} mobile {is crawling|is dead|won't connect} now, {everyone must be tethering|great}",
  ],
  impact: [
    'Working from home in {city} and {O} just died. {Off to a café|Tethering from my phone|Missed a client call}',
    '{o} I have a {job interview|visa appointment|exam} on video {in an hour|this afternoon}, please fix this',
    '{family} relies on a medical alarm through the {O} box, this is not a joke',
    '{o} small business owner here, card terminal {down|offline} for {dur}, {losing sales|customers walking out}',
    'Lost a {ranked match|raid|stream} because of {O} {💀|again}',
  ],
  anger: [
    '{angryOpen}, {o}. {dur} offline and {not a single update|zero communication|total silence}',
    '{O} is an {absolute joke|utter disgrace|embarrassment} right now',
    '{o} paying {price} euros a month for THIS? {Scam|Daylight robbery|Unreal}',
    "{o} {worst ISP in Europe|worst provider I've ever had}{, by far|, no contest|}",
    '{dur} and counting. {o} {say something|communicate|answer your customers}',
    '{O} {SHAME ON YOU|shame on you|you should be ashamed}',
    'The {silence|radio silence} from {o} is {deafening|insulting|unacceptable}',
    '{angryOpen} {O}, {how hard is it|is it really that hard} to post an update?',
  ],
  boycott: [
    '{Cancelling|Done with|Leaving} {O} {as soon as this is fixed|tomorrow|this week}. {Bye|Never again} {#BoycottOndaline|}',
    "{years} years with {o} and this is how you treat customers? {Switching to {competitor}|I'm out}",
    'Who else is dropping {O} after today? {competitor} has {a promo|a deal} on',
  ],
  refund: [
    '{o} I expect a {full|} refund for {this month|every day without service}',
    "Is there a class action against {O} yet? {Count me in|I'll sign|Asking for a friend}",
    'Tip for {O} customers: screenshot {everything|your box lights|your call logs} for the {refund claim|complaint}',
    '{o} {refund|compensation} should be {automatic|the bare minimum}, not something we beg for',
  ],
  sarcasm: [
    'Thanks {o} for {the unplanned digital detox|helping me reconnect with my books|the quiet afternoon}',
    '{O}: "{France\'s most reliable fibre|always connected|internet without limits}" {lmao|sure|😂}',
    '{o} love paying for a box that {just blinks|is now a night light|does disco lights}',
    'Congrats {o} on {dur} of downtime, {new record?|truly impressive|gold medal}',
    '{O} support: "have you tried restarting?" {yes Jean-Claude|yes, {n} times|for {dur}}',
  ],
  meme: [
    'me rebooting my {O} box for the {n}th time: {memeLink}',
    '{O} right now: 🔥🐶☕ "this is fine" {memeLink}',
    "POV: you're an {O} customer {memeLink}",
    'The {O} intern who unplugged the wrong cable: {memeLink}',
  ],
  abuse: [
    '{o} you {insult}',
    '{o} bunch of {insult}',
    '{O} run by {insult}, {insult} and more {insult}',
    '{o} f*** off {insult}',
    '{O} execs are {insult}, fire them all',
  ],
  harass: [
    '{jm} resign, you {insultOne}',
    '{jm} "{quote}" {lmao|what a joke|sure}, {insultOne}',
    'Everyone {tag|reply to} {jm} {so she sees it|, she reads everything}',
    '{jm} how much do they pay you to lie? {insultOne}',
    "{jm} {you're done|we won't forget|enjoy your last week}",
    "Does anyone have Julie Marchand's {email|number}? {asking for the whole country|she should hear this}",
  ],
  defense: [
    "Stop {harassing|abusing} {the support staff, they didn't|Julie Marchand, she didn't} cause the outage. Go after the execs",
    'Outages happen to every ISP. The amount of hate towards {O} staff is {wild|scary|unhinged}',
    'Solidarity with the {O} {engineers|call centre staff} dealing with this {today|all day}',
  ],
  journalist: [
    'BREAKING: French {operator|telecom} {O} hit by nationwide outage, {clients} of customers affected. {articleLink}',
    '{O} {says|blames} "a technical incident", no ETA yet. {Our story|Live updates}: {articleLink}',
    'Following the #PanneOndaline outage in France. {O} {has not responded|declined to comment}. {articleLink}',
  ],
  statementReaction: [
    '{O} statement: "{a technical incident|a core network equipment failure}" {wow thanks|groundbreaking|ok}',
    '{o} finally a statement, {dur} in. {Bravo|Took you long enough}',
    '"We apologise" {cool|ok} but where is the {refund|compensation} {o}?',
    "Fair enough, the {O} statement is {clear|honest} at least. {Let's see|We'll see} the ETA",
  ],
  fix: [
    "Internet's back in {city}! {Thanks|Finally} {o}",
    "{O} box {back to green|stable again}, {we're back|about time}",
    '{o} back up after {pdur} here, {TV still dead though|speeds still slow|all good}',
  ],
  stillDown: [
    "{o} still nothing in {city} even though {everyone says it's back|you say it's fixed}",
    '{O} "service restored" {lol|my foot}, still {a red cross|offline} in {city}',
  ],
  thanks: [
    "Credit where it's due, {O} engineers {pulled an all-nighter|got it fixed}",
    '{o} thanks for {fixing it|the updates in the end}',
  ],
  lingering: [
    '{pdur} of outage and {O} acts like nothing happened',
    '{O} connection still {flaky|dropping} in {city} since the outage',
    'Not forgetting the {O} outage {anytime soon|, nor the silence}',
  ],
  compensation: [
    '{o} so how much is the compensation? Is it automatic?',
    "@31.5 {One month free|1 month free} from {O}. {Fine, but|Ok but} {I lost a full working day|I'm still leaving}",
    '{o} does the compensation cover {business customers|mobile plans} too?',
  ],
  switching: [
    '{Ported|Moved} my number to {competitor}, {bye|so long} {O}',
    '{o} what are the exit fees after this mess?',
  ],
  retro: [
    'Thread: what the {O} outage {teaches us|tells us} about {crisis comms|network resilience} 🧵',
    'The {O} outage {will be|is going to be} a crisis comms case study {for years|, and not a flattering one}',
  ],
  yt: ['watching this on 4G because {O} fibre is dead 😂', 'thanks for the video, {O} tells us nothing'],
};
